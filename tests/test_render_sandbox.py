"""``fsu render`` against a hostile pull request: templates that reach for files outside
``templates/``, templates that run away, PDF resources outside ``templates/`` in every
spelling, control characters in the data, and a letterhead that is not a Word file.
Each attack is made in a real repository (a git clone of the example community, a CI
token in ``.git/config``); each must fail safely: no secret in the output, exit code 2
with a message naming the culprit, nothing written."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, edit

SECRET = "ghp_SECRET-CI-TOKEN-4711"
CASE = "data/cases/ssu/2024/02.yaml"


@pytest.fixture
def repo(community: Path) -> Path:
    """The example community as a git repository whose config holds a CI token, with a templates/ folder."""
    subprocess.run(["git", "init", "-q", str(community)], check=True)
    subprocess.run(["git", "-C", str(community), "config", "http.extraheader", f"AUTHORIZATION: bearer {SECRET}"],
                   check=True)
    (community / "templates").mkdir()
    return community


def template(repo: Path, text: str, name: str = "case.md.j2") -> None:
    (repo / "templates" / name).write_text(text, encoding="utf-8")


def render(fsu, repo: Path, tmp_path: Path, fmt: str = "md", ref: str = "ssu/2024/2"):
    """Render to a file, so a test can tell that nothing was written."""
    out = tmp_path / f"out.{fmt}"
    result = fsu("render", "case", ref, "--format", fmt, "--output", out, "--repo", repo)
    assert "Traceback" not in result.stderr
    return result, out


# --- 1. templates only from regular files inside templates/ -------------------------------


@pytest.mark.parametrize("link", ["../.git/config", "/proc/self/environ"])
def test_a_template_linked_to_a_secret_is_refused(fsu, repo, tmp_path, link):
    (repo / "templates" / "cfg").symlink_to(link)
    template(repo, '{% include "cfg" %}\n')
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert "The template 'cfg' is reached through a symbolic link" in result.stderr
    assert SECRET not in result.stdout + result.stderr and not out.exists()


def test_the_environment_of_a_ci_run_does_not_reach_the_document(repo, tmp_path):
    """A real process with the token in its environment, as in CI; /proc/self/environ is its environment."""
    (repo / "templates" / "env").symlink_to("/proc/self/environ")
    template(repo, '{% include "env" %}\n')
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "render", "case", "ssu/2024/2", "--repo", str(repo)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "FSU_AS_OF": AS_OF, "CI_TOKEN": SECRET})
    assert done.returncode == 2
    assert SECRET not in done.stdout + done.stderr
    assert "The template 'env' is reached through a symbolic link" in done.stderr


def test_the_document_template_itself_may_not_be_a_link(fsu, repo, tmp_path):
    (repo / "templates" / "case.md.j2").symlink_to("../.git/config")
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert "'case.md.j2' is reached through a symbolic link" in result.stderr
    assert SECRET not in result.stdout + result.stderr and not out.exists()


def test_a_link_inside_templates_to_another_template_is_refused_too(fsu, repo, tmp_path):
    template(repo, "EGEN\n", "real.md.j2")
    (repo / "templates" / "case.md.j2").symlink_to("real.md.j2")
    result, _ = render(fsu, repo, tmp_path)
    assert result.exit_code == 2 and "symbolic link" in result.stderr


def test_a_linked_folder_inside_templates_is_refused(fsu, repo, tmp_path):
    (repo / "templates" / "parts").symlink_to(repo / ".git")
    template(repo, '{% include "parts/config" %}\n')
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert "'parts/config' is reached through a symbolic link" in result.stderr
    assert SECRET not in result.stdout + result.stderr and not out.exists()


def test_the_templates_folder_may_not_be_a_link(fsu, repo, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "case.md.j2").write_text("FROM OUTSIDE\n", encoding="utf-8")
    (repo / "templates").rmdir()
    (repo / "templates").symlink_to(outside)
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert "templates/ in the repository is a symbolic link" in result.stderr
    assert "FROM OUTSIDE" not in result.stdout and not out.exists()


@pytest.mark.parametrize("name", ["../.git/config", "/etc/passwd", "parts/../../.git/config", "./case.md.j2",
                                  "C:/Windows/win.ini", "parts\\..\\x"])
def test_template_names_outside_templates_are_refused(fsu, repo, tmp_path, name):
    template(repo, "{% include " + repr(name) + " %}\n")
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert f"The template '{name}' is not allowed" in result.stderr
    assert SECRET not in result.stdout + result.stderr and not out.exists()


def test_a_template_that_is_a_folder_or_a_pipe_is_refused(fsu, repo, tmp_path):
    (repo / "templates" / "case.md.j2").mkdir()
    result, _ = render(fsu, repo, tmp_path)
    assert result.exit_code == 2 and "'case.md.j2' in templates/ is not a regular file" in result.stderr
    (repo / "templates" / "case.md.j2").rmdir()
    os.mkfifo(repo / "templates" / "case.md.j2")
    result, _ = render(fsu, repo, tmp_path)  # would wait for ever if fsu opened it
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_regular_templates_in_subfolders_still_work(fsu, repo, tmp_path):
    (repo / "templates" / "parts").mkdir()
    template(repo, "DEL: {{ case.number }}\n", "parts/head.md.j2")
    template(repo, '{% include "parts/head.md.j2" %}')
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "DEL: SSU sak 02-2024\n"


# --- 2. templates that run away ----------------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ("{% for i in range(10**8) %}{% endfor %}x",
     "asks for range() of 100,000,000 numbers; templates may use at most 10,000"),
    ('{% include "case.md.j2" %}',
     "nests templates or macros more than 50 deep (at case.md.j2); does something include or call itself?"),
    ('{% extends "case.md.j2" %}', "nests templates or macros more than 50 deep"),
    ('{% import "case.md.j2" as me %}', "nests templates or macros more than 50 deep"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "nests templates or macros more than 50 deep (at f)"),
    ("{% for x in [1] recursive %}{{ loop([x]) }}{% endfor %}", "nests templates or macros more than 50 deep"),
    ('{{ "x" * 10**10 }}', "repeats something 10,000,000,000 times"),
    ("{{ 10 ** (10 ** 8) }}", "raises a number to a power too large to compute"),
    ('{{ "x".center(10**10) }}', "needs more memory than fsu allows a template"),
    ("{% for i in range(10000) %}{{ case.title * 1000 }}{% endfor %}", "writes more than 32 million characters"),
    ("{{ 1 / 0 }}", "case.md.j2:1 failed: ZeroDivisionError: division by zero"),
    ("{{ lipsum(10**6) }}", "'lipsum' is undefined"),
])
def test_a_runaway_template_stops_with_a_plain_message(fsu, repo, tmp_path, text, message):
    template(repo, text + "\n")
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and not out.exists()


def test_an_include_loop_between_two_templates_is_stopped(fsu, repo, tmp_path):
    template(repo, '{% include "b.md.j2" %}', "a.md.j2")
    template(repo, '{% include "a.md.j2" %}', "b.md.j2")
    template(repo, '{% include "a.md.j2" %}')
    result, _ = render(fsu, repo, tmp_path)
    assert result.exit_code == 2 and "does something include or call itself?" in result.stderr


def test_a_template_that_takes_too_long_is_stopped(fsu, repo, tmp_path, monkeypatch):
    """Loops within the range limit that output nothing still use up the processor-time budget (lowered here
    from 20 s so the test is quick)."""
    from fsu_cli.render import sandbox

    monkeypatch.setattr(sandbox, "MAX_CPU_SECONDS", 0.3)
    template(repo, "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}done\n")
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 2
    assert result.stderr == ("fsu: The template case.md.j2 took too long (more than 0.3 s of processor time) and "
                             "was stopped; look for a loop that runs too often.\n")
    assert not out.exists()


def test_limits_leave_ordinary_template_work_alone(fsu, repo, tmp_path):
    template(repo, "{% for i in range(10000) %}{% if loop.last %}{{ i }} {{ 'ab' * 3 }} {{ 2 ** 10 }}"
                   "{% endif %}{% endfor %}\n")
    result, out = render(fsu, repo, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "9999 ababab 1024"


# --- 3. nothing from outside templates/ reaches a PDF ------------------------------------------


def png(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_contents(path: Path) -> tuple[bytes, list[tuple[int, int]]]:
    """Every stream in the PDF decompressed (text, images, fonts, embedded files), and the size of every image."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(str(path))
    data, images = [], []
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)  # None for a free slot in the cross-reference table
        if isinstance(obj, StreamObject):
            data.append(obj.get_data())
            if obj.get("/Subtype") == "/Image":
                images.append((int(obj["/Width"]), int(obj["/Height"])))
    return b"\n".join(data), sorted(images)


@pytest.fixture
def outside(repo: Path, tmp_path: Path) -> Path:
    """Secrets beside the repository: an image 13x7 pixels, and a text file with the token."""
    (tmp_path / "private.png").write_bytes(png(13, 7, (200, 0, 0)))
    (tmp_path / "private.txt").write_text(f"token={SECRET}\n", encoding="utf-8")
    (repo / "templates" / "logo.png").write_bytes(png(5, 3, (0, 0, 200)))
    (repo / "templates" / "note.txt").write_text("ALLOWED-ATTACHMENT\n", encoding="utf-8")
    return tmp_path


def spellings(repo: Path, outside: Path, name: str) -> list[str]:
    """Every way of naming ``outside/name`` from a document whose base is repo/templates/."""
    absolute = str(outside / name)
    hops = "%2e%2e/" * 2  # templates/ -> community/ -> tmp_path
    return [
        f"../../{name}", f"{hops}{name}", f"%2E%2E/%2e%2E/{name}", f"templates/../../../{name}",
        f"..%2f..%2f{name}", f"templates/{hops}{hops}{name}".replace("templates/", "../templates/"),
        absolute, absolute.replace("/", "%2F"), f"file://{absolute}", f"FILE://{absolute}", f"File:{absolute}",
        f"file:{absolute}", f"file://localhost{absolute}", f"file://LOCALHOST{absolute}",
        f"file://{repo}/templates/{hops}{hops}{name}", f"file://{repo}/templates/%2e%2e/%2e%2e/{name}",
        f"file:///{absolute}", f"file://{absolute.replace('/', '%2f')}", f"{repo}/templates/../../{name}",
        f"http://127.0.0.1:9/{name}", f"https://example.invalid/{name}", f"ftp://127.0.0.1:9/{name}",
    ]


def test_a_pdf_embeds_nothing_from_outside_templates_in_any_spelling(fsu, repo, outside, tmp_path):
    (repo / "templates" / "secret.png").symlink_to(outside / "private.png")
    (repo / "templates" / "secret.txt").symlink_to(outside / "private.txt")
    images = spellings(repo, outside, "private.png") + ["secret.png"]
    files = spellings(repo, outside, "private.txt") + ["secret.txt"]
    small = "data:image/png;base64," + base64.b64encode(png(3, 2, (0, 200, 0))).decode()
    big = "data:image/png;base64," + base64.b64encode(png(9, 9, (0, 0, 0)) + b"\0" * 300_000).decode()
    tags = "".join(f'<img src="{url}">' for url in images + [big, small, "logo.png"])
    tags += "".join(f'<link rel="attachment" href="{url}">' for url in files + ["note.txt"])
    tags += "".join(f"<style>@import url('{url}');</style>" for url in files)
    template(repo, '{% extends "base.html.j2" %}{% block content %}' + tags
             + '{% include "_case.html.j2" %}{% endblock %}', "case.html.j2")
    markdown = "".join(f"  ![x]({url})\n\n" for url in images)
    edit(repo / CASE, "background: |\n", "background: |\n" + markdown)
    result, out = render(fsu, repo, tmp_path, "pdf")
    assert result.exit_code == 0, result.stderr
    streams, images = pdf_contents(out)
    assert images == [(3, 2), (5, 3)]  # the small data: URL and the logo in templates/, nothing else
    assert b"ALLOWED-ATTACHMENT" in streams  # a file inside templates/ is embedded
    assert SECRET.encode() not in streams and SECRET.encode() not in out.read_bytes()


def test_pdf_resources_are_judged_on_the_decoded_resolved_path(repo, outside):
    from fsu_cli.render.confined import template_folders
    from fsu_cli.render.fetcher import Refused, local_file

    folders = template_folders(repo)
    base = (repo / "templates").as_uri() + "/"
    assert local_file(base + "logo.png", folders) == repo / "templates" / "logo.png"
    assert local_file(base + "l%6Fgo.png", folders) == repo / "templates" / "logo.png"
    for url in [base + "%2e%2e/%2e%2e/private.png", base + "..%2F..%2Fprivate.png", (outside / "private.png").as_uri(),
                "file://evil.example" + str(outside / "private.png"), base + "missing.png", base, base + "%00x"]:
        with pytest.raises(Refused):
            local_file(url, folders)


# --- 4. control characters in the data --------------------------------------------------------


def with_control_characters(repo: Path) -> None:
    """A title and a background with control characters, written as YAML escapes (the file itself is clean)."""
    path = repo / CASE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("background: |"), text.index("assessments:")
    text = text[:start] + 'background: "Linje\\x02 en\\n\\nTab\\tinne\\x07 slutt"\n' + text[end:]
    text = text.replace("title: Forslag til handlingsplan 2024–2027 for Helsefellesskapet Fjordvik",
                        'title: "Plan\\x01 for\\x0b2024\\x1f\\x00\\uffff ferdig"')
    path.write_text(text, encoding="utf-8")


TITLE = "Plan\ufffd for\ufffd2024\ufffd\ufffd\ufffd ferdig"


def test_control_characters_become_a_visible_mark_in_word(fsu, repo, tmp_path):
    import docx

    with_control_characters(repo)
    result, out = render(fsu, repo, tmp_path, "docx")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    text = [p.text for p in document.paragraphs]
    assert f"SSU sak 02-2024\n{TITLE}" in text
    assert "Linje\ufffd en" in text and "Tab inne\ufffd slutt" in text


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_control_characters_never_reach_the_other_formats(fsu, repo, tmp_path, fmt):
    with_control_characters(repo)
    result, out = render(fsu, repo, tmp_path, fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "pdf":
        from pypdf import PdfReader

        text = PdfReader(str(out)).pages[0].extract_text()
    else:
        text = out.read_text(encoding="utf-8")
    assert "Plan\ufffd for\ufffd2024" in text and "Linje\ufffd en" in text
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text)


# --- 5. a letterhead that is not a Word file ----------------------------------------------------


def letterhead_junk(path: Path) -> None:
    path.write_bytes(b"this is not a zip file\n")


def letterhead_zip_without_word(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "hei")


def letterhead_folder(path: Path) -> None:
    path.mkdir()


def letterhead_link(path: Path) -> None:
    import docx

    real = path.parent.parent / "brevmal.docx"
    docx.Document().save(str(real))
    path.symlink_to(real)


@pytest.mark.parametrize("make, message", [
    (letterhead_junk, ("letterhead.docx cannot be read as a Word document: it is not a .docx file. Save the "
                       "letterhead from Word as 'Word Document (.docx)' again, or remove it")),
    (letterhead_zip_without_word, "cannot be read as a Word document: it is not a complete Word document."),
    (letterhead_folder, "The letterhead 'letterhead.docx' in templates/ is not a regular file"),
    (letterhead_link, "The letterhead 'letterhead.docx' is reached through a symbolic link"),
])
def test_a_letterhead_that_is_not_a_word_file_is_a_plain_error(fsu, repo, tmp_path, make, message):
    make(repo / "templates" / "letterhead.docx")
    result, out = render(fsu, repo, tmp_path, "docx")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and not out.exists()


def test_an_image_in_a_case_text_is_shown_as_its_description(fsu, community):
    """A published agenda that fetched an address from the data would tell its owner who reads the page."""
    case = community / "data/cases/ssu/2024/02.yaml"
    text = case.read_text(encoding="utf-8").replace(
        "background: |\n", "background: |\n  Se ![kart over Tromsø](https://tracker.example/pixel.png) her.\n", 1)
    case.write_text(text, encoding="utf-8")
    html = fsu("render", "case", "ssu/2024/2", "--format", "html", "--repo", community).stdout
    assert "<img" not in html.split("</style>", 1)[1] and "tracker.example" not in html
    assert "Se kart over Tromsø her." in html

"""Publishing the community's public record: a static website, a meeting calendar (iCalendar), an
eInnsyn export and an open-data dump. Public content only: an exempt case is shown by its public
title and legal basis, as ``fsu render --public`` shows it. The same data gives the same bytes."""

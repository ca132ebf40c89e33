"""Invented sample reports for the source tests (no real events, places or outlets)."""

REPORT = (
    "Shelling in the river town of Dorvany killed at least seven civilians on Tuesday, "
    "the regional administration said.\n"
    "Officials said another 19 people were wounded when rockets hit a bus station and a market "
    "in the town centre. Rescue teams were still clearing rubble on Wednesday morning.\n"
)
REPORT_FR = (
    "Des bombardements ont tué au moins sept civils mardi dans la ville de Dorvany, "
    "selon les autorités régionales. Dix-neuf personnes ont été blessées près de la gare routière.\n"
)
REPORT_UK = "Обстріл міста Дорвани забрав життя щонайменше семи цивільних у вівторок, повідомила обласна адміністрація.\n"

ARTICLE_HTML = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Rockets hit Dorvany bus station | The Valley Courier</title>
<meta name="author" content="Mira Holt">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Rockets hit Dorvany bus station</h1>
<p>Shelling in the river town of Dorvany killed at least seven civilians on Tuesday, the regional administration said.</p>
<p>Officials said another 19 people were wounded when rockets hit a bus station and a market in the town centre.
Rescue teams were still clearing rubble on Wednesday morning.</p>
</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Frontline Wire</title><link>https://wire.example/</link><language>en</language>
<item><title>Seven killed in Dorvany shelling</title>
<link>https://wire.example/dorvany-shelling</link>
<pubDate>Tue, 12 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Shelling in the river town of Dorvany killed at least seven civilians on Tuesday, the regional administration said.&lt;/p&gt;</description>
</item>
<item><title>Militia says it holds the Kessel bridge</title>
<link>https://wire.example/kessel-bridge</link>
<pubDate>Wed, 13 Mar 2024 14:20:00 GMT</pubDate>
<description>A local militia said on Wednesday it had taken full control of the Kessel bridge after two days of fighting with army units.</description>
</item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Relief Bulletin</title><id>urn:relief</id><updated>2024-04-02T10:00:00Z</updated>
<entry><title>Families flee fighting near Osk</title><id>urn:relief:1</id>
<link href="https://relief.example/osk"/>
<updated>2024-04-02T10:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Aid workers said about 2,000 families had fled villages near Osk since the weekend, as fighting between the army and rebel fighters moved closer.&lt;/p&gt;</content>
</entry>
</feed>
"""

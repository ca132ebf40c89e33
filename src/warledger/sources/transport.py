"""The fetch seam: every URL warledger reads goes through `Fetcher.fetch`.

A `Transport` is what fetching needs from the outside world: an httpx transport
and a name resolver. Tests pass `fake_transport(handler)` (an `httpx.MockTransport`
plus fixed addresses) or a bare `httpx.MockTransport`; production uses the network.

The SSRF guard refuses loopback, private, link-local, multicast, reserved and
unspecified addresses. It runs after DNS resolution, before every request
(so again on each redirect hop, which we follow by hand), and once more on the
address the connection really reached, which defeats DNS answers that change
between our lookup and httpx's. httpx errors are translated here, once.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import httpx

from warledger.config import Settings
from warledger.errors import BlockedAddress, FetchError, TooLarge, UnsupportedSource

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
READABLE_TYPES = HTML_TYPES | TEXT_TYPES | FEED_TYPES
USER_AGENT = "warledger (+https://pypi.org/project/warledger/)"
# A public address for the fake resolver: fake hosts pass the guard unless a test
# maps them to a private one.
FAKE_PUBLIC_ADDRESS = "93.184.216.34"


def system_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


@dataclass(frozen=True, slots=True)
class Transport:
    http: httpx.BaseTransport | None = None  # None: httpx's own, over the network
    resolve: Resolver = system_resolve


def fake_transport(
    handler: Callable[[httpx.Request], httpx.Response],
    addresses: Mapping[str, str] | None = None,
) -> Transport:
    """A Transport answering with `handler`; hosts resolve to `addresses` or a public address."""
    table = dict(addresses or {})

    def resolve(host: str, port: int) -> list[str]:
        return [table.get(host, FAKE_PUBLIC_ADDRESS)]

    return Transport(http=httpx.MockTransport(handler), resolve=resolve)


def as_transport(transport: Transport | httpx.BaseTransport | None) -> Transport:
    if transport is None:
        return Transport()
    if isinstance(transport, Transport):
        return transport
    return Transport(http=transport)


def is_blocked(address: IPAddress) -> bool:
    """True for any address that is not a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None and is_blocked(embedded):
            return True
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str | None  # media type, lower case, without parameters
    charset: str | None
    body: bytes


@dataclass
class Fetcher:
    """Fetches URLs under the settings' timeouts, size cap, redirect limit and SSRF guard."""

    settings: Settings
    transport: Transport = field(default_factory=Transport)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            timeout = self.settings.fetch_timeout
            self._client = httpx.Client(
                transport=self.transport.http,
                timeout=httpx.Timeout(timeout, connect=timeout, read=timeout),
                follow_redirects=False,  # followed by hand so each hop is checked
                trust_env=False,  # a proxy from the environment would bypass the address check
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(self, url: str, accept: frozenset[str] = READABLE_TYPES) -> Fetched:
        """GET `url`, following up to `fetch_max_redirects` redirects, checking every hop."""
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            self.check_url(current, source=url)
            try:
                response = self.client.send(self.client.build_request("GET", current), stream=True)
                try:
                    self._check_peer(response, source=url)
                    if response.is_redirect:
                        current = str(response.url.join(response.headers["location"]))
                        continue
                    return self._read(response, url, accept)
                finally:
                    response.close()
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"timed out after {self.settings.fetch_timeout}s ({type(exc).__name__})", source=url
                ) from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a bad Location header
                raise FetchError(f"cannot fetch {current}: {type(exc).__name__}: {exc}", source=url) from exc
        raise FetchError(f"more than {self.settings.fetch_max_redirects} redirects", source=url)

    def check_url(self, url: str, source: str) -> None:
        """Refuse non-HTTP schemes and, unless allowed, hosts with non-public addresses."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise UnsupportedSource(f"not a valid URL: {url}", source=source) from exc
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise UnsupportedSource(f"only http and https URLs are fetched, not {url}", source=source)
        if self.settings.allow_private:
            return
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        for address in self._addresses(parsed.host, port, source):
            if is_blocked(address):
                raise BlockedAddress(
                    f"{parsed.host} resolves to {address}, a non-public address (use --allow-private to fetch it)",
                    source=source,
                )

    def _addresses(self, host: str, port: int, source: str) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass
        try:
            found = self.transport.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host}: {exc}", source=source) from exc
        if not found:
            raise FetchError(f"cannot resolve {host}", source=source)
        # getaddrinfo may add a scope id ("fe80::1%eth0"); the address is what matters
        return [ipaddress.ip_address(a.split("%")[0]) for a in found]

    def _check_peer(self, response: httpx.Response, source: str) -> None:
        if self.settings.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and is_blocked(ipaddress.ip_address(str(peer[0]).split("%")[0])):
            raise BlockedAddress(f"connected to {peer[0]}, a non-public address", source=source)

    def _read(self, response: httpx.Response, source: str, accept: frozenset[str]) -> Fetched:
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip(), source=source)
        media_type, charset = _content_type(response.headers.get("content-type"))
        # servers that send no type are sniffed later; a wrong type is refused
        if media_type is not None and media_type not in accept:
            raise UnsupportedSource(f"content type {media_type} is not HTML, text or a feed", source=source)
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise TooLarge(f"response is {declared} bytes, over the cap of {cap}", source=source)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise TooLarge(f"response is over the cap of {cap} bytes", source=source)
            chunks.append(chunk)
        return Fetched(url=str(response.url), content_type=media_type, charset=charset, body=b"".join(chunks))


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower() or None, charset

"""The SSRF guard: non-public addresses are refused after resolution and on every hop."""

import ipaddress

import httpx
import pytest
from source_fixtures import local_server_fixture, settings_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML

from warledger.errors import BlockedAddress
from warledger.sources import Fetcher, Transport, fake_transport, read_url
from warledger.sources.transport import is_blocked


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
    ],
)
def test_non_public_addresses_are_blocked(address):
    assert is_blocked(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address):
    assert not is_blocked(ipaddress.ip_address(address))


def test_real_local_server_is_refused_without_the_flag(settings, local_server):
    with pytest.raises(BlockedAddress, match="127.0.0.1") as info:
        list(read_url(f"{local_server}/article", settings))
    assert info.value.context["source"] == f"{local_server}/article"


def test_real_local_server_is_fetched_with_the_flag(settings, local_server):
    (doc,) = read_url(f"{local_server}/moved", settings.with_(allow_private=True))
    assert "seven civilians" in doc.text and doc.url == f"{local_server}/article"


def test_localhost_name_is_refused_after_resolution(settings, local_server):
    url = local_server.replace("127.0.0.1", "localhost") + "/plain"
    with pytest.raises(BlockedAddress, match="localhost"):
        list(read_url(url, settings))


def test_peer_address_is_checked_after_connecting(settings, local_server):
    # a resolver that lies (DNS rebinding): the guard sees a public address, the
    # connection reaches 127.0.0.1, and the peer check refuses the response
    lying = Transport(resolve=lambda host, port: ["93.184.216.34"])
    url = local_server.replace("127.0.0.1", "localhost") + "/plain"
    with pytest.raises(BlockedAddress, match="connected to"):
        list(read_url(url, settings, transport=lying))


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1/admin",
        "http://intranet.example/secrets",
        "http://[::1]:8080/",
        "http://169.254.169.254/latest",
    ],
)
def test_every_redirect_hop_is_checked(settings, location):
    requested = []

    def handler(request):
        requested.append(request.url.host)
        if request.url.host == "courier.example":
            return httpx.Response(302, headers={"Location": location})
        return httpx.Response(200, html=ARTICLE_HTML)

    transport = fake_transport(handler, addresses={"intranet.example": "10.0.0.7"})
    with pytest.raises(BlockedAddress):
        list(read_url("https://courier.example/story", settings, transport=transport))
    assert requested == ["courier.example"]  # the private hop was never requested


def test_redirect_to_private_hop_allowed_with_the_flag(settings):
    def handler(request):
        if request.url.host == "courier.example":
            return httpx.Response(302, headers={"Location": "http://intranet.example/story"})
        return httpx.Response(200, html=ARTICLE_HTML)

    transport = fake_transport(handler, addresses={"intranet.example": "10.0.0.7"})
    (doc,) = read_url("https://courier.example/s", settings.with_(allow_private=True), transport=transport)
    assert doc.url == "http://intranet.example/story"


def test_host_resolving_to_any_private_address_is_refused(settings):
    transport = Transport(
        http=httpx.MockTransport(lambda request: httpx.Response(200, text="x")),
        resolve=lambda host, port: ["93.184.216.34", "10.0.0.1"],
    )
    with pytest.raises(BlockedAddress, match="10.0.0.1"):
        Fetcher(settings, transport).fetch("https://mixed.example/")


def test_bare_mock_transport_with_a_public_literal_address(settings):
    mock = httpx.MockTransport(lambda request: httpx.Response(200, html=ARTICLE_HTML))
    (doc,) = read_url("http://93.184.216.34/story", settings, transport=mock)
    assert doc.title == "Rockets hit Dorvany bus station"

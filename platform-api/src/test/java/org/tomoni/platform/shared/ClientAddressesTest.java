package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static InetAddress ip(String s) {
        return Cidr.literal(s).orElseThrow();
    }

    @Test
    void cidrs_in_ipv4_and_ipv6_contain_exactly_their_addresses() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(ip("10.255.1.2"))).isTrue();
        assertThat(ten.contains(ip("11.0.0.1"))).isFalse();
        Cidr odd = Cidr.parse("192.168.1.130/25");
        assertThat(odd.contains(ip("192.168.1.200"))).isTrue();
        assertThat(odd.contains(ip("192.168.1.100"))).isFalse();
        assertThat(Cidr.parse(" 203.0.113.7 ").contains(ip("203.0.113.7"))).as("a bare address is a network of one").isTrue();
        assertThat(Cidr.parse("203.0.113.7").contains(ip("203.0.113.8"))).isFalse();
        Cidr v6 = Cidr.parse("fd00::/8");
        assertThat(v6.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(v6.contains(ip("fe80::1"))).isFalse();
        assertThat(v6.contains(ip("10.0.0.1"))).as("families never mix").isFalse();
        assertThat(Cidr.parse("::1").contains(ip("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(Cidr.parse("[2001:db8::]/32").contains(ip("2001:db8:ffff::9"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(Cidr.parseList("10.0.0.0/8, ::1/128 ,")).hasSize(2);
        assertThat(Cidr.parseList("  ")).isEmpty();
    }

    @Test
    void bad_cidrs_and_host_names_are_refused_without_any_dns_lookup() {
        for (String bad : List.of("10.0.0.0/33", "::/129", "256.1.1.1", "10.0.0/8", "localhost", "proxy.example.com", "10.0.0.0/x",
            "1.2.3.4/-1", "", "fe80::1%eth0")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ClientAddresses.trusting("10.0.0.0/8,nginx"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("nginx");
    }

    @Test
    void without_trusted_proxies_the_socket_address_counts_and_forwarded_headers_are_ignored() {
        ClientAddresses none = ClientAddresses.trusting("");
        assertThat(none.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(none.resolve("0:0:0:0:0:0:0:1", List.of("203.0.113.9"))).isEqualTo("0:0:0:0:0:0:0:1");
        ClientAddresses proxies = ClientAddresses.trusting("10.0.0.0/8");
        assertThat(proxies.resolve("198.51.100.4", List.of("203.0.113.9")))
            .as("a header from a peer that is not a trusted proxy proves nothing").isEqualTo("198.51.100.4");
    }

    @Test
    void behind_trusted_proxies_the_rightmost_untrusted_forwarded_address_counts() {
        ClientAddresses proxies = ClientAddresses.trusting("10.0.0.0/8,fd00::/8");
        assertThat(proxies.resolve("10.0.0.2", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.2", List.of("1.1.1.1, 203.0.113.9"))).as("the client's own entries are skipped")
            .isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.2", List.of("6.6.6.6", "203.0.113.9, 10.0.0.7"))).as("several headers, a chain of proxies")
            .isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("fd00::2", List.of("2001:db8::5, fd00::3"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(proxies.resolve("10.0.0.2", List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.2", List.of())).as("no header: the proxy itself").isEqualTo("10.0.0.2");
        assertThat(proxies.resolve("10.0.0.2", List.of("1.1.1.1, not-an-address, 10.0.0.9")))
            .as("garbage where an address belongs: the last trusted hop").isEqualTo("10.0.0.9");
        assertThat(proxies.resolve("10.0.0.2", List.of("10.0.0.5, 10.0.0.9"))).as("all trusted: the farthest").isEqualTo("10.0.0.5");
    }
}

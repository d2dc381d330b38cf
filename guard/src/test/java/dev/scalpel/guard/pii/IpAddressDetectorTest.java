package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.168.1.20",
        "8.8.8.8",
        "255.255.255.0",
        "2001:db8::8a2e:370:7334",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "::1",
        "fe80::1",
        "::ffff:192.0.2.128",
        "2001:DB8:0:0:8:800:200C:417A",
      })
  void findsAddresses(String address) {
    assertThat(Found.only(PiiType.IP_ADDRESS, "from " + address + ", then"))
        .containsExactly(address);
  }

  @Test
  void findsAddressesWithPortsAndBrackets() {
    assertThat(Found.only(PiiType.IP_ADDRESS, "http://10.0.0.7:8080/ and [2001:db8::1]:443"))
        .containsExactly("10.0.0.7", "2001:db8::1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version 1.2.3.4", // a four-part version
        "v1.2.3.4",
        "firmware 4.10.2.1",
        "256.1.1.1", // octet out of range
        "01.02.03.04", // leading zeros
        "1.2.3", // three parts
        "1.2.3.4.5", // five parts
        "at 12:30:45", // a time
        "00:1A:2B:3C:4D:5E", // a MAC address
        "dead::beef", // no digit
        "std::vector",
        "1:2:3:4:5:6:7:8:9", // too many groups
        "1::2::3", // two compressions
      })
  void nearMissesAreNotAddresses(String text) {
    assertThat(Found.only(PiiType.IP_ADDRESS, "see " + text + " ok")).isEmpty();
  }

  @Test
  void strictIpv6Parser() {
    assertThat(Ipv6.isAddress("1:2:3:4:5:6:7:8")).isTrue();
    assertThat(Ipv6.isAddress("1:2:3:4:5:6:7::")).isTrue();
    assertThat(Ipv6.isAddress("1:2:3:4:5:6:1.2.3.4")).isTrue();
    assertThat(Ipv6.isAddress("1:2:3:4:5:6:7:1.2.3.4")).isFalse();
    assertThat(Ipv6.isAddress("12345::1")).isFalse();
    assertThat(Ipv6.isAddress("::1.2.3.04")).isFalse();
  }
}

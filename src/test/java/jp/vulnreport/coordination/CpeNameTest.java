package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpeNameTest {

  @Test
  void parsesAFormattedString() {
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms:4.2.7:*:*:*:*:*:*:*"))
        .contains(new CpeName("a", "example", "samplecms", "4.2.7"));
  }

  @Test
  void unescapesColonsAndOtherQuotedCharactersOfAFormattedString() {
    CpeName c = CpeName.parse("cpe:2.3:a:Foo\\:Bar:web\\_console\\.app:1\\.0:*:*:*:*:*:*:*").orElseThrow();
    assertThat(c.vendor()).isEqualTo("foo:bar");
    assertThat(c.product()).isEqualTo("web_console.app");
    assertThat(c.version()).isEqualTo("1.0");
  }

  @Test
  void acceptsAShortenedFormattedStringWithoutVersion() {
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms")).contains(new CpeName("a", "example", "samplecms", "*"));
  }

  @Test
  void parsesA22UriWithPercentEncoding() {
    assertThat(CpeName.parse("cpe:/a:example:samplecms:4.2.7")).contains(new CpeName("a", "example", "samplecms", "4.2.7"));
    assertThat(CpeName.parse("cpe:/o:Rei%2dNetwork:rx%2d2000_firmware"))
        .contains(new CpeName("o", "rei-network", "rx-2000_firmware", "*"));
    assertThat(CpeName.parse("cpe:/a::samplecms")).contains(new CpeName("a", "*", "samplecms", "*"));
  }

  @Test
  void rejectsWhatIsNoCpeName() {
    assertThat(CpeName.parse(null)).isEmpty();
    assertThat(CpeName.parse("")).isEmpty();
    assertThat(CpeName.parse("samplecms")).isEmpty();
    assertThat(CpeName.parse("cpe:2.3:x:example:samplecms:1")).isEmpty(); // no such part
    assertThat(CpeName.parse("cpe:2.3:a:example")).isEmpty(); // no product
    assertThat(CpeName.parse("cpe:2.3:a:example::1.0")).isEmpty(); // empty component
    assertThat(CpeName.parse("cpe:2.3:a:b:c:d:e:f:g:h:i:j:k:l")).isEmpty(); // 12 components
    assertThat(CpeName.parse("cpe:2.3:a:example:sample cms")).isEmpty();
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms\\")).isEmpty();
    assertThat(CpeName.parse("cpe:/x:example:samplecms")).isEmpty();
    assertThat(CpeName.parse("cpe:/a:example:sample%zzcms")).isEmpty();
  }

  @Test
  void sameProductComparesPartVendorAndProductIgnoringCaseAndVersion() {
    CpeName reported = CpeName.parse("cpe:2.3:a:example:samplecms:4.2.7:*:*:*:*:*:*:*").orElseThrow();
    assertThat(CpeName.parse("cpe:/a:Example:SampleCMS:4.0").orElseThrow().sameProduct(reported)).isTrue();
    assertThat(CpeName.parse("cpe:2.3:a:EXAMPLE:samplecms:*:*:*:*:*:*:*:*").orElseThrow().sameProduct(reported)).isTrue();
    assertThat(CpeName.parse("cpe:2.3:o:example:samplecms:4.2.7").orElseThrow().sameProduct(reported)).isFalse();
    assertThat(CpeName.parse("cpe:2.3:a:other:samplecms:4.2.7").orElseThrow().sameProduct(reported)).isFalse();
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms_search").orElseThrow().sameProduct(reported)).isFalse();
  }

  @Test
  void anAnyOrNaVendorNeverMatches() {
    CpeName any = CpeName.parse("cpe:2.3:a:*:samplecms:*").orElseThrow();
    CpeName na = CpeName.parse("cpe:2.3:a:-:samplecms:*").orElseThrow();
    assertThat(any.sameProduct(any)).isFalse();
    assertThat(na.sameProduct(na)).isFalse();
    assertThat(CpeName.parse("cpe:/a::samplecms").orElseThrow().sameProduct(any)).isFalse();
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms").orElseThrow().sameProduct(any)).isFalse();
    assertThat(CpeName.parse("cpe:2.3:a:example:samplecms").orElseThrow().sameProduct(null)).isFalse();
  }
}

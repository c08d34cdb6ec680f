package dev.candor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveMarkupCharactersAndControlCharacters() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(Html.escape("a\u0000b\tc\nd\u001fe")).isEqualTo("a b\tc\nd e");
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void plainTextIsReturnedUnchangedAndNullIsEmpty() {
        String s = "female&gt25".substring(0, 6);
        assertThat(Html.escape(s)).isSameAs(s);
        assertThat(Html.escape("Ünïcødé é")).isEqualTo("Ünïcødé é");
        assertThat(Html.escape(null)).isEmpty();
    }
}

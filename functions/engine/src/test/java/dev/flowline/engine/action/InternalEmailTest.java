package dev.flowline.engine.action;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InternalEmailTest {

    private static InternalEmail withBody(String body) {
        return new InternalEmail("k", "f", "c", List.of("ops@example.com"), "s", body);
    }

    @Test
    void anHtmlBodyIsSentAsWrittenWithItsTextAsTheTextPart() {
        var email = withBody("<html><head><style>p{color:red}</style></head><body><p>Ada &amp; Grace</p>"
                + "<ul><li>one</li><li>two</li></ul>Call<br>now</body></html>");

        assertThat(email.html()).isEqualTo(email.body());
        assertThat(email.text()).isEqualTo("Ada & Grace\none\ntwo\nCall\nnow");
    }

    @Test
    void aTextBodyIsEscapedForTheHtmlPartAndKeepsItsLines() {
        var email = withBody("1 < 2 & \"so\"\nsecond line");

        assertThat(email.text()).isEqualTo(email.body());
        assertThat(email.html()).isEqualTo("1 &lt; 2 &amp; &quot;so&quot;<br>\nsecond line");
    }
}

package io.hybridctl.fleet.security;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void masksKnownSecretsTokensKeysAndActivationCodes() {
        String token = Secrets.newToken(Secrets.REGISTRATION_PREFIX);
        String key = io.hybridctl.pki.ca.PemCodec.privateKey(io.hybridctl.pki.ca.TlsKeys.newKeyPair().getPrivate());
        Redactor r = new Redactor(List.of("SuperSecretActivation123"));
        String text = "token " + token + " code SuperSecretActivation123 amazon-ssm-agent -register -code Abc123xyz -id x\n" + key
                + " {\"activationCode\": \"OtherCode999\"}";
        String out = r.redact(text);
        assertThat(out).doesNotContain(token).doesNotContain("SuperSecretActivation123").doesNotContain("Abc123xyz")
                .doesNotContain("PRIVATE KEY").doesNotContain("OtherCode999").contains(Redactor.MASK).contains("-id x");
    }

    @Property
    void anyGeneratedTokenIsMasked(@ForAll @AlphaChars @StringLength(max = 40) String before, @ForAll @AlphaChars @StringLength(max = 40) String after) {
        String token = Secrets.newToken(Secrets.ADMIN_PREFIX);
        assertThat(Redactor.patternsOnly().redact(before + " " + token + " " + after)).doesNotContain(token);
    }

    @Test
    void hashesAreStableAndDistinct() {
        String a = Secrets.newToken(Secrets.ADMIN_PREFIX);
        String b = Secrets.newToken(Secrets.ADMIN_PREFIX);
        assertThat(Secrets.hash(a)).isEqualTo(Secrets.hash(a)).isNotEqualTo(Secrets.hash(b)).hasSize(64).doesNotContain(a);
        assertThat(Secrets.sameHash(Secrets.hash(a), Secrets.hash(a))).isTrue();
    }
}

package dev.candor.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The e-mail channel against a real in-process GreenMail SMTP server on 127.0.0.1. */
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ops@example.org", "alice", "s3cret"))
            .withPerMethodLifecycle(true);

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    private EmailChannel.Builder channel(int port) {
        return EmailChannel.builder("127.0.0.1", port).from("candor@example.org")
                .to(List.of("ops@example.org", "ml-team@example.org")).timeout(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(20)).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static UnaryOperator<String> env(String user, String password) {
        Map<String, String> vars = Map.of("CANDOR_SMTP_USER", user, "CANDOR_SMTP_PASSWORD", password);
        return vars::get;
    }

    @Test
    void theMessageArrivesWithSubjectBodyAndAttachment() throws Exception {
        int port = SMTP.getSmtp().getPort();
        EmailChannel ch = channel(port)
                .credentialsFromEnvironment("CANDOR_SMTP_USER", "CANDOR_SMTP_PASSWORD", env("alice", "s3cret")).build();
        assertThat(ch.authenticates()).isTrue();
        AlertChannel.MonitoringRun run = WebhookChannelTest.run();
        Delivery d = ch.deliver(run);
        assertThat(d).isEqualTo(new Delivery("email", "ops@example.org, ml-team@example.org", true, 1, null));
        assertThat(d.toString()).doesNotContain("s3cret").doesNotContain("alice");

        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(2); // one copy per recipient
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo("[CRITICAL] Candor monitor: bank: 2 alerts");
        assertThat(Arrays.stream(m.getFrom()).map(Address::toString)).containsExactly("candor@example.org");
        assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("ops@example.org", "ml-team@example.org");
        assertThat(m.getSentDate().toInstant()).isEqualTo(NOW);

        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        Part text = mp.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(
                "Candor monitored model bank: 2 alerts.\n\n"
                + "- [critical] performance.accuracy: accuracy = 0.54 below 0.5518 in [40000:44999]\n"
                + "- [warning] fairness.disparate_impact: age_group.disparate_impact = 0.62 below 0.8 in "
                + "[45000:45210] (attribute=age_group, group=lt25)\n\n"
                + "The complete monitoring result is attached (candor-monitor.json).\n");
        Part json = mp.getBodyPart(1);
        assertThat(json.getFileName()).isEqualTo("candor-monitor.json");
        assertThat(json.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(json.isMimeType("application/json")).isTrue();
        String attached;
        Object content = json.getContent();
        if (content instanceof String s) {
            attached = s;
        } else {
            try (InputStream in = (InputStream) content) {
                attached = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(attached).isEqualTo(run.resultJson());
    }

    @Test
    void withoutCredentialsTheMessageIsSentUnauthenticated() throws Exception {
        EmailChannel ch = channel(SMTP.getSmtp().getPort())
                .credentialsFromEnvironment("CANDOR_SMTP_USER", "CANDOR_SMTP_PASSWORD", name -> null).build();
        assertThat(ch.authenticates()).isFalse();
        AlertChannel.MonitoringRun none = new AlertChannel.MonitoringRun("bank", List.of(), List.of(), "{}");
        assertThat(ch.deliver(none).ok()).isTrue();
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Candor monitor: bank: no rule breached");
    }

    @Test
    void aWrongPasswordIsAFailedDeliveryNamingTheRefusal() {
        EmailChannel ch = channel(SMTP.getSmtp().getPort()).maxAttempts(2)
                .credentialsFromEnvironment("CANDOR_SMTP_USER", "CANDOR_SMTP_PASSWORD", env("alice", "wrong")).build();
        Delivery d = ch.deliver(WebhookChannelTest.run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.error()).contains("AuthenticationFailedException").doesNotContain("wrong");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsIsRequiredNotSilentlySkipped() {
        // GreenMail's plain SMTP does not offer STARTTLS; the channel must refuse to send in clear text.
        Delivery d = channel(SMTP.getSmtp().getPort()).startTls(true).maxAttempts(1).build()
                .deliver(WebhookChannelTest.run());
        assertThat(d.ok()).isFalse();
        assertThat(d.error()).containsIgnoringCase("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsAFailedDeliveryAfterEveryAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Delivery d = channel(port).maxAttempts(3).build().deliver(WebhookChannelTest.run());
        assertThat(d.ok()).isFalse();
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.target()).isEqualTo("ops@example.org, ml-team@example.org");
        assertThat(d.error()).contains("MailConnectException").contains("127.0.0.1");
    }

    @Test
    void configurationMistakesAreRefusedAtBuildTime() {
        assertThatThrownBy(() -> EmailChannel.builder("smtp.example.org", 587).to(List.of("a@example.org")).build())
                .hasMessage("from: the sender address is required");
        assertThatThrownBy(() -> EmailChannel.builder("smtp.example.org", 587).from("a@example.org").build())
                .hasMessage("to: at least one recipient is required");
        assertThatThrownBy(() -> EmailChannel.builder("smtp.example.org", 587).from("a@example.org")
                .to(List.of("not an address")).build()).hasMessageStartingWith("to: 'not an address' is not an e-mail address");
        assertThatThrownBy(() -> EmailChannel.builder("smtp.example.org", 0))
                .hasMessage("port: must be in [1, 65535], got 0");
        assertThatThrownBy(() -> EmailChannel.builder("smtp.example.org", 587).credentialsFromEnvironment(
                "CANDOR_SMTP_USER", "CANDOR_SMTP_PASSWORD", name -> name.endsWith("USER") ? "alice" : null))
                .hasMessage("SMTP credentials: CANDOR_SMTP_USER is set but CANDOR_SMTP_PASSWORD is not; set both, "
                        + "or neither to send without authentication");
    }
}

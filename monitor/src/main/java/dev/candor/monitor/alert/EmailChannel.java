package dev.candor.monitor.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Sends a monitoring run's alerts by e-mail over SMTP with Jakarta Mail (Eclipse Angus Mail).
 *
 * <h2>The message</h2>
 * <ul>
 *   <li>Subject: {@code [CRITICAL] Candor monitor: <model>: 3 alerts} — the highest severity among
 *       the alerts and their number ({@code Candor monitor: <model>: no rule breached} without
 *       alerts).</li>
 *   <li>A plain-text UTF-8 part: one line per alert, {@code - [severity] rule: }{@link Alert#describe()},
 *       followed by its labels in parentheses when it has any.</li>
 *   <li>The monitoring result ({@code MonitoringRun.resultJson}) attached as
 *       {@code candor-monitor.json}, {@code application/json}.</li>
 * </ul>
 *
 * <h2>Connection and credentials</h2>
 * With {@link Builder#startTls(boolean) startTls(true)} the connection must be upgraded with
 * STARTTLS ({@code mail.smtp.starttls.required}): a server that does not offer it is a failed
 * delivery, never a silent fall-back to plain text. Credentials are read only from the environment
 * ({@link Builder#credentialsFromEnvironment(String, String)}), never from the command line, and
 * never appear in the {@link Delivery} or in logs. Connection, read and write timeouts are all
 * {@link Builder#timeout(Duration)}.
 *
 * <h2>Retries and failures</h2>
 * A failed attempt (the server unreachable, a timeout, an SMTP error) is retried after
 * {@code backoff · 2^(k-1)} up to {@code maxAttempts} attempts, except a refused recipient or sender
 * ({@link SendFailedException}), which a retry would repeat. {@link #deliver} never throws for a
 * failed delivery: it returns a {@link Delivery} with the recipients as target, the attempts and the
 * last error, and logs it at {@code WARNING}. Defaults: port as given, no STARTTLS, timeout 10 s,
 * 3 attempts, backoff 1 s.
 *
 * @see <a href="https://eclipse-ee4j.github.io/angus-mail/">Eclipse Angus Mail</a>
 * @since 0.2.0
 */
public final class EmailChannel implements AlertChannel {

    /** The channel name in {@link Delivery#channel()}. */
    public static final String NAME = "email";
    /** The name of the attached monitoring result. */
    public static final String ATTACHMENT = "candor-monitor.json";

    private static final System.Logger LOG = System.getLogger(EmailChannel.class.getName());

    private final String host;
    private final int port;
    private final boolean startTls;
    private final InternetAddress from;
    private final List<InternetAddress> to;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final Clock clock;
    private final String target;

    private EmailChannel(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.startTls = b.startTls;
        if (b.from == null) {
            throw new IllegalArgumentException("from: the sender address is required");
        }
        if (b.to.isEmpty()) {
            throw new IllegalArgumentException("to: at least one recipient is required");
        }
        this.from = address("from", b.from);
        List<InternetAddress> rcpt = new ArrayList<>();
        for (String t : b.to) {
            rcpt.add(address("to", t));
        }
        this.to = List.copyOf(rcpt);
        this.user = b.user;
        this.password = b.password;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.clock = b.clock;
        this.target = String.join(", ", b.to);
    }

    private static InternetAddress address(String what, String text) {
        try {
            InternetAddress a = new InternetAddress(text, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not an e-mail address: " + e.getMessage(), e);
        }
    }

    /**
     * @param host the SMTP server
     * @param port its port (25, 587 for submission with STARTTLS, ...), 1 to 65535
     * @return a builder
     */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** @return the recipients, as shown in deliveries */
    public String target() {
        return target;
    }

    /** @return whether a user and password were found in the environment */
    public boolean authenticates() {
        return user != null;
    }

    @Override
    public Delivery deliver(MonitoringRun run) {
        Objects.requireNonNull(run, "run");
        Session session = Session.getInstance(properties());
        String error = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            attempt++;
            try {
                MimeMessage msg = message(session, run);
                if (user != null) {
                    Transport.send(msg, user, password);
                } else {
                    Transport.send(msg);
                }
                return new Delivery(NAME, target, true, attempt, null);
            } catch (MessagingException e) {
                error = describe(e);
                LOG.log(Level.WARNING, "e-mail to " + target + " via " + host + ":" + port + " attempt " + attempt
                        + " of " + maxAttempts + " failed: " + error);
                if (e instanceof SendFailedException) {
                    break;
                }
            }
            if (attempt < maxAttempts) {
                try {
                    Thread.sleep(RetrySettings.pauseAfter(attempt, backoff).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = error + " (interrupted while waiting to retry)";
                    break;
                }
            }
        }
        return new Delivery(NAME, target, false, attempt, error);
    }

    private Properties properties() {
        Properties p = new Properties();
        String ms = Long.toString(timeout.toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", Boolean.toString(user != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        p.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        if (startTls) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    /**
     * Builds the message described in the class documentation.
     *
     * @param session the mail session
     * @param run     what to send
     * @return the message
     * @throws MessagingException if Jakarta Mail refuses a part
     */
    MimeMessage message(Session session, MonitoringRun run) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(from);
        msg.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        msg.setSubject(AlertText.title(run), StandardCharsets.UTF_8.name());
        msg.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(run), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart json = new MimeBodyPart();
        json.setContent(run.resultJson(), "application/json; charset=utf-8");
        json.setFileName(ATTACHMENT);
        json.setDisposition(MimeBodyPart.ATTACHMENT);
        msg.setContent(new MimeMultipart(text, json));
        return msg;
    }

    /**
     * @param run the run
     * @return the plain-text body
     */
    static String body(MonitoringRun run) {
        StringBuilder sb = new StringBuilder();
        List<Alert> alerts = run.alerts();
        sb.append("Candor monitored model ").append(run.model()).append(": ");
        sb.append(alerts.isEmpty() ? "no rule breached." : alerts.size() + (alerts.size() == 1 ? " alert." : " alerts."));
        sb.append("\n\n");
        for (Alert a : alerts) {
            sb.append("- [").append(a.severity().key()).append("] ").append(a.rule()).append(": ").append(a.describe())
                    .append(AlertText.labels(a.labels())).append('\n');
        }
        sb.append(alerts.isEmpty() ? "" : "\n").append("The complete monitoring result is attached (")
                .append(ATTACHMENT).append(").\n");
        return sb.toString();
    }

    private static String describe(MessagingException e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().strip());
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            sb.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                sb.append(": ").append(cause.getMessage().strip());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** The settings of an {@link EmailChannel}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private boolean startTls;
        private String from;
        private final List<String> to = new ArrayList<>();
        private String user;
        private String password;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host: the SMTP server is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port: must be in [1, 65535], got " + port);
            }
            this.host = host.strip();
            this.port = port;
        }

        /**
         * @param on whether the connection must be upgraded with STARTTLS (required, no fall-back)
         * @return this builder
         */
        public Builder startTls(boolean on) {
            this.startTls = on;
            return this;
        }

        /**
         * @param address the sender address
         * @return this builder
         */
        public Builder from(String address) {
            this.from = Objects.requireNonNull(address, "from");
            return this;
        }

        /**
         * @param addresses the recipients (replacing any given before), at least one
         * @return this builder
         */
        public Builder to(List<String> addresses) {
            to.clear();
            to.addAll(List.copyOf(addresses));
            return this;
        }

        /**
         * Reads the SMTP user and password from two environment variables, once, now. When neither is
         * set the channel sends without authentication; when only one is, this method throws, since
         * half a credential is a configuration mistake.
         *
         * @param userVariable     the variable holding the user, e.g. {@code CANDOR_SMTP_USER}
         * @param passwordVariable the variable holding the password, e.g. {@code CANDOR_SMTP_PASSWORD}
         * @return this builder
         * @throws IllegalArgumentException if exactly one of the two variables is set (non-empty)
         */
        public Builder credentialsFromEnvironment(String userVariable, String passwordVariable) {
            return credentialsFromEnvironment(userVariable, passwordVariable, System::getenv);
        }

        /** As {@link #credentialsFromEnvironment(String, String)}, reading from the given environment. */
        Builder credentialsFromEnvironment(String userVariable, String passwordVariable, UnaryOperator<String> env) {
            String u = env.apply(Objects.requireNonNull(userVariable, "userVariable"));
            String p = env.apply(Objects.requireNonNull(passwordVariable, "passwordVariable"));
            boolean hasUser = u != null && !u.isEmpty();
            boolean hasPassword = p != null && !p.isEmpty();
            if (hasUser != hasPassword) {
                throw new IllegalArgumentException("SMTP credentials: " + (hasUser ? userVariable : passwordVariable)
                        + " is set but " + (hasUser ? passwordVariable : userVariable)
                        + " is not; set both, or neither to send without authentication");
            }
            this.user = hasUser ? u : null;
            this.password = hasPassword ? p : null;
            return this;
        }

        /**
         * @param t the connection, read and write timeout, positive
         * @return this builder
         */
        public Builder timeout(Duration t) {
            this.timeout = RetrySettings.timeout(t);
            return this;
        }

        /**
         * @param n the number of attempts, 1 to 10
         * @return this builder
         */
        public Builder maxAttempts(int n) {
            this.maxAttempts = RetrySettings.maxAttempts(n);
            return this;
        }

        /**
         * @param b the pause after the first failed attempt, zero or positive; doubled after each further one
         * @return this builder
         */
        public Builder backoff(Duration b) {
            this.backoff = RetrySettings.backoff(b);
            return this;
        }

        /**
         * @param c the clock giving the message's date (default: the system clock)
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @return the channel
         * @throws IllegalArgumentException if the sender is missing, there is no recipient, or an
         *                                  address does not parse (the message names it)
         */
        public EmailChannel build() {
            return new EmailChannel(this);
        }
    }
}

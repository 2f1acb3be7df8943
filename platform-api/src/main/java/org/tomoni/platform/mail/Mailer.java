package org.tomoni.platform.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Talks SMTP to the server named by SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_FROM,
 * in UTF-8. Only the {@link MailSender} calls it: everything else writes mail to the
 * {@link Outbox} in its own transaction. Without SMTP_HOST nothing is sent and the mail is
 * logged, so a demo runs without a server.
 */
@Singleton
public class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private final String host;
    private final String from;
    private final Session session;

    Mailer(@Value("${platform.mail.host:}") String host, @Value("${platform.mail.port:25}") int port,
           @Value("${platform.mail.user:}") String user, @Value("${platform.mail.password:}") String password,
           @Value("${platform.mail.from:no-reply@tomoni.invalid}") String from, @Value("${platform.mail.starttls:false}") boolean starttls) {
        this.host = host;
        this.from = from;
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        boolean auth = user != null && !user.isBlank();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        session = Session.getInstance(props, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        } : null);
    }

    /** One mail to one person. */
    public record Mail(String to, String fromName, String subject, String body) {
    }

    /** What became of one attempt: accepted, not sent because no server is configured, or failed with a reason. */
    enum Delivery {
        SENT, NOT_CONFIGURED, FAILED
    }

    record Attempt(Delivery delivery, String error) {
    }

    Attempt send(Mail mail) {
        if (host == null || host.isBlank()) {
            LOG.info("SMTP_HOST is not set; mail to {} not sent: {}", masked(mail.to()), mail.subject());
            return new Attempt(Delivery.NOT_CONFIGURED, null);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, mail.fromName(), StandardCharsets.UTF_8.name()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            Transport.send(message);
            return new Attempt(Delivery.SENT, null);
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOG.warn("Mail to {} failed: {}", masked(mail.to()), e.getMessage());
            return new Attempt(Delivery.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** An address as logs may show it: enough to tell mails apart, not to read whom they went to. */
    static String masked(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}

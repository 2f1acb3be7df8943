package org.tomoni.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server in the test's JVM on a free port; tests read what the platform sent. */
public final class TestMail implements AutoCloseable {
    private final GreenMail server;

    public TestMail() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
    }

    /** The platform's mail settings pointing at this server. */
    public Map<String, String> properties() {
        return Map.of("platform.mail.host", "127.0.0.1", "platform.mail.port", Integer.toString(server.getSmtp().getPort()),
            "platform.mail.from", "donation@tomoni.test");
    }

    public record Received(String to, String subject, String body) {
    }

    /** Every mail received so far to {@code address}. */
    public List<Received> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).map(TestMail::read).filter(m -> m.to().contains(address)).toList();
    }

    /** Waits (up to ten seconds) until {@code address} has received {@code count} mails, the outbox's sender being asynchronous. */
    public List<Received> await(String address, int count) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<Received> received = to(address);
        while (received.size() < count && System.nanoTime() < deadline) {
            server.waitForIncomingEmail(200, count);
            received = to(address);
        }
        return received;
    }

    /** Every mail received so far. */
    public int total() {
        return server.getReceivedMessages().length;
    }

    private static Received read(MimeMessage m) {
        try {
            return new Received(Arrays.toString(m.getAllRecipients()), m.getSubject(), m.getContent().toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

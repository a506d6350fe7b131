package dev.sumlog.submit.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy rget recorder: a real backfill posts {@code url=<public URL of the sums file>} to
 * {@code <recorder>/api/v1/submit} once per release, beside the embedded log, and retries a recorder
 * that answers 503.
 */
class RgetRecorderProcessTest {

    @TempDir
    Path dir;

    @Test
    void eachReleasesSumsUrlIsSubmittedOnceAsAForm() throws Exception {
        List<String> forms = new CopyOnWriteArrayList<>();
        AtomicInteger failFirst = new AtomicInteger(1);
        HttpServer recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/api/v1/submit", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failFirst.getAndDecrement() > 0 ? 503
                    : "POST".equals(exchange.getRequestMethod()) && "application/x-www-form-urlencoded".equals(type) ? 200 : 400;
            if (status == 200) {
                forms.add(new String(body, StandardCharsets.US_ASCII));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        recorder.start();
        try {
            Path source = dir.resolve("archive");
            FixtureGenerator.generate(source, Tier.SMALL, 5);
            Path job = dir.resolve("job.yml");
            Files.writeString(job, "source: archive\nout: out\nstate: state\npublic-url: https://tarballs.example.org/\n"
                    + "logs:\n  - target: embedded\n  - target: rget\n    url: http://127.0.0.1:"
                    + recorder.getAddress().getPort() + "\n    rate: 100\n");

            SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job.toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            List<String> sums = Trees.endingIn(dir.resolve("out"), ".SHA256SUMS");
            assertThat(forms).hasSize(sums.size());
            assertThat(forms).allSatisfy(form -> assertThat(form).startsWith("url="));
            // The form value is the sums file's URL, its path percent-encoded (the fixture has names with
            // spaces, newlines, '+' and non-ASCII letters).
            String base = "https://tarballs.example.org/";
            List<String> urls = forms.stream().map(f -> URLDecoder.decode(f.substring(4), StandardCharsets.UTF_8)).toList();
            assertThat(urls).allSatisfy(url -> assertThat(url).startsWith(base).doesNotContain(" ", "\n", "+"));
            assertThat(urls.stream().map(u -> URLDecoder.decode(u.substring(base.length()), StandardCharsets.UTF_8)))
                    .containsExactlyInAnyOrderElementsOf(sums);

            SumlogProcess.Result again = SumlogProcess.run(dir, "backfill", "--job", job.toString());
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(forms).as("nothing submitted twice").hasSize(sums.size());
        } finally {
            recorder.stop(0);
        }
    }

}

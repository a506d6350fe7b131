package dev.sumlog.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sumlog.tlog.note.NoteSigner;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Rekor v2 surface over a {@link V2Log}: {@code POST /api/v2/log/entries} (the only write
 * API) and the tlog-tiles reads. Status codes and bodies follow rekor-tiles' HTTP gateway:
 * 400/409/503 as grpc-gateway JSON errors, 409 with {@code X-Log-Index}, 405 as plain text when
 * the log is frozen. Faults and latency apply to POSTs only.
 */
final class V2Handler implements HttpHandler {

    static final String ENTRIES = "/api/v2/log/entries";
    static final String FROZEN = "This log has been frozen, please switch to the latest log.";

    private final V2Log log;
    private final TileFiles files;
    private final Faults faults;
    private final Traffic traffic;
    private final Supplier<Duration> latency;
    private final BooleanSupplier frozen;
    private final NoteSigner impostor;
    private final SubmitterKey decoySubmitter = SubmitterKey.generate();

    V2Handler(V2Log log, TileFiles files, Faults faults, Traffic traffic, Supplier<Duration> latency,
              BooleanSupplier frozen, NoteSigner impostor) {
        this.log = log;
        this.files = files;
        this.faults = faults;
        this.traffic = traffic;
        this.latency = latency;
        this.frozen = frozen;
        this.impostor = impostor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals(ENTRIES)) {
                post(exchange);
            } else if (method.equals("GET") && TileFiles.serves(path)) {
                files.get(exchange, path);
            } else {
                Exchanges.text(exchange, 404, "text/plain", "Not Found\n");
            }
        } finally {
            exchange.close();
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        traffic.postArrived();
        try {
            byte[] request = Exchanges.readBody(exchange);
            Optional<Fault> fault = faults.take();
            Fault.Kind kind = fault.map(Fault::kind).orElse(null);
            if (kind == Fault.Kind.DELAY) {
                Exchanges.sleep(fault.get().delay());
            }
            if (fault.isPresent() && fault.get().answersBeforeProcessing()) {
                answerFault(exchange, fault.get());
                return;
            }
            if (frozen.getAsBoolean()) {
                Exchanges.text(exchange, 405, "text/plain", FROZEN + "\n");
                return;
            }
            byte[] body;
            try {
                HashedRekordV2 entry = kind == Fault.Kind.FOREIGN_BODY ? decoy() : HashedRekordV2.parse(request);
                entry.verify();
                body = entry.canonicalBody();
            } catch (BadRequest e) {
                Exchanges.grpcError(exchange, 400, 3, "invalid hashedrekord request");
                return;
            }
            V2Log.Outcome outcome = log.submit(body);
            if (outcome.created()) {
                traffic.entryAppended();
            } else {
                traffic.duplicateSeen();
            }
            TransparencyLogEntryV2 entry = outcome.created() ? log.entryAt(outcome.index()) : null;
            Exchanges.sleep(latency.get());
            if (kind == Fault.Kind.ACCEPT_THEN_STATUS || kind == Fault.Kind.ACCEPT_THEN_RESET) {
                answerFault(exchange, fault.get());
            } else if (entry == null) {
                exchange.getResponseHeaders().set("X-Log-Index", Long.toString(outcome.index()));
                Exchanges.grpcError(exchange, 409, 6, "an equivalent entry already exists in the log at index "
                        + outcome.index());
            } else {
                Exchanges.json(exchange, 201, spoil(entry, kind).toJson());
            }
        } finally {
            traffic.postDone();
        }
    }

    private void answerFault(HttpExchange exchange, Fault fault) throws IOException {
        if (fault.kind() == Fault.Kind.RESET || fault.kind() == Fault.Kind.ACCEPT_THEN_RESET) {
            Exchanges.reset(exchange);
        } else if (fault.status() == 503) {
            Exchanges.faultStatus(exchange, fault,
                    () -> Exchanges.grpcError(exchange, 503, 14, "reached max pushback; retry"));
        } else {
            Exchanges.faultStatus(exchange, fault,
                    () -> Exchanges.grpcError(exchange, fault.status(), 2, "injected fault: HTTP " + fault.status()));
        }
    }

    private TransparencyLogEntryV2 spoil(TransparencyLogEntryV2 entry, Fault.Kind kind) {
        if (kind == Fault.Kind.WRONG_PROOF) {
            return entry.withWrongProof();
        }
        if (kind == Fault.Kind.WRONG_CHECKPOINT_KEY) {
            return entry.withCheckpoint(log.checkpointSignedBy(impostor));
        }
        return entry;
    }

    /** A valid entry nobody asked for: the answer of a log (or proxy) that mixed up requests. */
    private HashedRekordV2 decoy() {
        byte[] artifact = ("decoy " + System.nanoTime()).getBytes();
        return HashedRekordV2.parse(decoySubmitter.v2Request(artifact));
    }
}

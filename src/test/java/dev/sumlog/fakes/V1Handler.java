package dev.sumlog.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Rekor v1 REST API over a {@link V1Log}: {@code POST /api/v1/log/entries},
 * {@code GET /api/v1/log/entries/{uuid|entryID}}, {@code GET /api/v1/log/entries?logIndex=N},
 * {@code GET /api/v1/log}, {@code GET /api/v1/log/proof}, {@code GET /api/v1/log/publicKey}.
 * Faults and latency apply to POSTs only.
 */
final class V1Handler implements HttpHandler {

    private static final String ENTRIES = "/api/v1/log/entries";

    private final V1Log log;
    private final String logKeyPem;
    private final Faults faults;
    private final Traffic traffic;
    private final Supplier<Duration> latency;
    private final EcdsaNoteSigner impostor;
    private final SubmitterKey decoySubmitter = SubmitterKey.generate();

    V1Handler(V1Log log, String logKeyPem, Faults faults, Traffic traffic, Supplier<Duration> latency, String host) {
        this.log = log;
        this.logKeyPem = logKeyPem;
        this.faults = faults;
        this.traffic = traffic;
        this.latency = latency;
        this.impostor = EcdsaNoteSigner.generate(host);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals(ENTRIES)) {
                post(exchange);
            } else if (!method.equals("GET")) {
                Exchanges.v1Error(exchange, 405, "method " + method + " not allowed");
            } else if (path.equals("/api/v1/log")) {
                info(exchange);
            } else if (path.equals("/api/v1/log/publicKey")) {
                Exchanges.text(exchange, 200, "application/x-pem-file", logKeyPem);
            } else if (path.equals("/api/v1/log/proof")) {
                proof(exchange);
            } else if (path.equals(ENTRIES)) {
                byIndex(exchange);
            } else if (path.startsWith(ENTRIES + "/")) {
                byId(exchange, path.substring(ENTRIES.length() + 1));
            } else {
                Exchanges.v1Error(exchange, 404, "path " + path + " was not found");
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
            byte[] body;
            try {
                HashedRekordV1 entry = kind == Fault.Kind.FOREIGN_BODY ? decoy() : HashedRekordV1.parse(request);
                entry.verify();
                body = entry.canonicalBody();
            } catch (BadRequest e) {
                Exchanges.v1Error(exchange, 400, "error processing entry: " + e.getMessage());
                return;
            }
            V1Log.Outcome outcome = log.submit(body);
            if (outcome.created()) {
                traffic.entryAppended();
            } else {
                traffic.duplicateSeen();
            }
            Exchanges.sleep(latency.get());
            if (kind == Fault.Kind.ACCEPT_THEN_STATUS || kind == Fault.Kind.ACCEPT_THEN_RESET) {
                answerFault(exchange, fault.get());
            } else if (!outcome.created()) {
                String entryId = outcome.entry().entryId();
                exchange.getResponseHeaders().set("Location", ENTRIES + "/" + entryId);
                Exchanges.v1Error(exchange, 409,
                        "an equivalent entry already exists in the transparency log with UUID " + entryId);
            } else {
                LogEntryV1 entry = spoil(outcome.entry(), kind);
                exchange.getResponseHeaders().set("ETag", entry.entryId());
                exchange.getResponseHeaders().set("Location", ENTRIES + "/" + entry.entryId());
                Exchanges.json(exchange, 201, entry.toJson());
            }
        } finally {
            traffic.postDone();
        }
    }

    private void answerFault(HttpExchange exchange, Fault fault) throws IOException {
        if (fault.kind() == Fault.Kind.RESET || fault.kind() == Fault.Kind.ACCEPT_THEN_RESET) {
            Exchanges.reset(exchange);
        } else {
            Exchanges.faultStatus(exchange, fault,
                    () -> Exchanges.v1Error(exchange, fault.status(), "injected fault: HTTP " + fault.status()));
        }
    }

    private LogEntryV1 spoil(LogEntryV1 entry, Fault.Kind kind) {
        if (kind == null) {
            return entry;
        }
        return switch (kind) {
            case WRONG_PROOF -> entry.withWrongProof();
            case WRONG_CHECKPOINT_KEY -> entry.withCheckpoint(log.checkpointNote(impostor));
            case BAD_SET -> entry.withSet(log.wrongSet(entry));
            default -> entry;
        };
    }

    /** A valid entry nobody asked for: the answer of a log (or proxy) that mixed up requests. */
    private HashedRekordV1 decoy() {
        byte[] artifact = ("decoy " + System.nanoTime()).getBytes();
        return HashedRekordV1.parse(decoySubmitter.v1Request(artifact));
    }

    private void info(HttpExchange exchange) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        synchronized (log) {
            info.put("rootHash", HexFormat.of().formatHex(log.root()));
            info.put("treeSize", log.size());
            info.put("signedTreeHead", log.checkpointNote());
        }
        info.put("treeID", Long.toString(V1Log.TREE_ID));
        info.put("inactiveShards", List.of());
        Exchanges.json(exchange, 200, info);
    }

    private void proof(HttpExchange exchange) throws IOException {
        Map<String, String> query = Queries.parse(exchange.getRequestURI().getRawQuery());
        try {
            long first = Long.parseLong(query.getOrDefault("firstSize", "1"));
            long last = Long.parseLong(query.getOrDefault("lastSize", ""));
            synchronized (log) {
                if (first < 1 || last < first || last > log.size()) {
                    Exchanges.v1Error(exchange, 400, "firstSize " + first + " and lastSize " + last
                            + " must satisfy 1 <= firstSize <= lastSize <= " + log.size());
                    return;
                }
                Map<String, Object> proof = new LinkedHashMap<>();
                proof.put("rootHash", HexFormat.of().formatHex(log.rootAt(last)));
                proof.put("hashes", log.consistencyProof(first, last).stream().map(HexFormat.of()::formatHex).toList());
                Exchanges.json(exchange, 200, proof);
            }
        } catch (NumberFormatException e) {
            Exchanges.v1Error(exchange, 400, "firstSize and lastSize must be integers");
        }
    }

    private void byIndex(HttpExchange exchange) throws IOException {
        String index = Queries.parse(exchange.getRequestURI().getRawQuery()).get("logIndex");
        if (index == null || !index.matches("\\d{1,18}")) {
            Exchanges.v1Error(exchange, 400, "logIndex must be a non-negative integer");
            return;
        }
        answerEntry(exchange, log.byVirtualIndex(Long.parseLong(index)));
    }

    private void byId(HttpExchange exchange, String id) throws IOException {
        if (!id.matches("[0-9a-fA-F]{64}|[0-9a-fA-F]{80}")) {
            Exchanges.v1Error(exchange, 400, "incorrectly formatted uuid " + id);
            return;
        }
        answerEntry(exchange, log.byId(id));
    }

    private static void answerEntry(HttpExchange exchange, Optional<LogEntryV1> entry) throws IOException {
        if (entry.isEmpty()) {
            Exchanges.v1Error(exchange, 404, "entry not found");
        } else {
            Exchanges.json(exchange, 200, entry.get().toJson());
        }
    }
}

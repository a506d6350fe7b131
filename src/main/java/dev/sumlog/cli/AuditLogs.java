package dev.sumlog.cli;

import dev.sumlog.audit.AuditedLog;
import dev.sumlog.audit.EmbeddedAuditedLog;
import dev.sumlog.audit.RekorV1AuditedLog;
import dev.sumlog.audit.RekorV2AuditedLog;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.job.BackfillSpec.RemoteLogSpec;
import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a job's logs for {@code audit} before anything starts: the embedded log is trusted with the
 * verifier of the state directory's key, a Rekor log with the key of its trusted root or PEM. No
 * signing key is needed: an audit sends nothing. An rget recorder returns nothing verifiable and is
 * not audited. Each failure is one line naming the file (exit 2).
 */
final class AuditLogs {

    private AuditLogs() {
    }

    static List<AuditedLog> open(BackfillSpec spec) {
        List<AuditedLog> logs = new ArrayList<>();
        if (spec.embeddedLog()) {
            logs.add(embedded(spec));
        }
        for (int i = 0; i < spec.remoteLogs().size(); i++) {
            RemoteLogSpec remote = spec.remoteLogs().get(i);
            String field = "logs[" + i + "]";
            switch (remote.kind()) {
                case REKOR_V1 -> logs.add(new RekorV1AuditedLog(remote.url(), RemoteLogOpener.logKey(remote, field, false),
                        remote.timeout(), remote.policy()));
                case REKOR_V2 -> logs.add(new RekorV2AuditedLog(remote.url(), RemoteLogOpener.logKey(remote, field, true),
                        remote.timeout()));
                case RGET -> {
                    // nothing to verify: the recorder answers no proof
                }
            }
        }
        return logs;
    }

    private static AuditedLog embedded(BackfillSpec spec) {
        String origin = spec.log().origin();
        Ed25519NoteSigner key;
        try {
            key = LogKeyStore.load(spec.state());
        } catch (IOException e) {
            throw new UsageException("the embedded log cannot be audited: " + e.getMessage());
        } catch (TlogException e) {
            throw new UsageException("the embedded log cannot be audited: its key in " + spec.state() + " is damaged: "
                    + e.getMessage());
        }
        if (!key.name().equals(origin)) {
            throw new UsageException("the log key in " + spec.state() + " is for origin '" + key.name()
                    + "', but the job names '" + origin + "'");
        }
        return new EmbeddedAuditedLog(spec.log().dir(), key.verifier(), origin);
    }
}

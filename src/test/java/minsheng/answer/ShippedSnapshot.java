package minsheng.answer;

import java.nio.file.Path;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;

/** The shipped knowledge as one snapshot, built once for every test that needs it (in this JVM). */
public final class ShippedSnapshot {

    private static Snapshot snapshot;

    private ShippedSnapshot() {
    }

    public static synchronized Snapshot get() {
        if (snapshot == null) {
            try {
                snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
            } catch (KnowledgeException e) {
                throw new IllegalStateException(e.problems().toString(), e);
            }
        }
        return snapshot;
    }

    /** The reply a new chat gets to one message. */
    static Reply reply(String message) {
        return new Conversations(ShippedSnapshot::get).reply("chat", message);
    }
}

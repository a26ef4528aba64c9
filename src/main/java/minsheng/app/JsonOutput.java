package minsheng.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minsheng.answer.Reply;

/**
 * What the command line prints as JSON, one object a line: a reply as {@code ask --json} gives it (the fields and
 * their order are documented in docs/design.md), a line that failed, {@code bench}'s figures.
 */
final class JsonOutput {

    /** Made on first use: Jackson's data binding loads hundreds of classes, which only JSON output needs. */
    private ObjectMapper mapper;

    /** One reply to {@code question}. */
    String reply(Reply reply, String question) throws JsonProcessingException {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("question", question);
        object.put("kind", kind(reply.kind()));
        object.put("answered", reply.answered());
        object.put("entryId", reply.entryId());
        object.put("entryIds", reply.entryIds());
        object.put("score", Math.round(reply.score() * 1000) / 1000.0);
        object.put("reply", reply.text());
        object.put("suggestions", suggestions(reply.suggestions()));
        object.put("related", suggestions(reply.related()));
        object.put("caveat", reply.caveat());
        return line(object);
    }

    /** A question that could not be answered, in place of its reply. */
    String failure(String question, Exception e) throws JsonProcessingException {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("question", question);
        object.put("error", String.valueOf(e));
        return line(object);
    }

    /** Any value as one line of JSON. */
    String line(Object value) throws JsonProcessingException {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper.writeValueAsString(value);
    }

    private static List<Map<String, String>> suggestions(List<Reply.Suggestion> list) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Reply.Suggestion s : list) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("entryId", s.entryId());
            m.put("question", s.question());
            out.add(m);
        }
        return out;
    }

    /** The kind as {@code ask --json} names it. */
    static String kind(Reply.Kind kind) {
        return switch (kind) {
            case ANSWER -> "answer";
            case SUGGEST -> "choice";
            case DECLINE -> "decline";
            case SMALLTALK -> "smalltalk";
        };
    }
}

package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake Bot API delivers updates as Telegram does, which the tests of a stop and a restart rely on: getUpdates
 * forgets only what is below its offset and hands back everything at or above it, on every call, until confirmed.
 */
class FakeBotApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Integer> getUpdates(FakeBotApi fake, int offset) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.url() + "/bot" + FakeBotApi.TOKEN + "/getUpdates"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"offset\":" + offset + ",\"limit\":100,\"timeout\":0}"))
                .header("Content-Type", "application/json").build();
        JsonNode body = JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                .body());
        List<Integer> ids = new ArrayList<>();
        body.path("result").forEach(u -> ids.add(u.get("update_id").asInt()));
        return ids;
    }

    @Test
    void getUpdatesForgetsOnlyWhatIsBelowTheOffsetAndDeliversTheRestAgain() throws Exception {
        try (FakeBotApi fake = new FakeBotApi()) {
            fake.text(1, "低保多少人");
            fake.text(2, "心脏支架现在多少钱");
            fake.text(3, "婚检率是多少");
            assertEquals(List.of(1, 2, 3), getUpdates(fake, 0));
            assertEquals(List.of(1, 2, 3), getUpdates(fake, 0), "nothing confirmed: all of them again");
            assertEquals(List.of(2, 3), getUpdates(fake, 2), "offset 2 confirms update 1");
            assertEquals(List.of(2, 3), getUpdates(fake, 1), "a forgotten update never comes back");
            assertEquals(2, fake.confirmedBelow());
            assertEquals(4, fake.deliveries(2));
            assertEquals(List.of(), getUpdates(fake, 4));
            assertEquals(0, fake.pendingUpdates());
        }
    }

    @Test
    void withOffsetsIgnoredNothingIsForgottenAsWhenConfirmationsAreLost() throws Exception {
        try (FakeBotApi fake = new FakeBotApi().ignoreOffsets(true)) {
            fake.text(1, "低保多少人");
            assertEquals(List.of(1), getUpdates(fake, 2));
            fake.ignoreOffsets(false);
            assertEquals(List.of(1), getUpdates(fake, 1));
            assertEquals(List.of(), getUpdates(fake, 2));
        }
    }
}

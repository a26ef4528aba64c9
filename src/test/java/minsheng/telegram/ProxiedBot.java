package minsheng.telegram;

import java.util.ArrayList;
import java.util.List;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Reply;
import minsheng.knowledge.Entry;

/** A bot talking to a {@link FakeBotApi} through a {@link FaultyProxy}, for the load run and fault injection. */
final class ProxiedBot implements AutoCloseable {

    final FakeBotApi api;
    final FaultyProxy proxy;
    final TelegramBot bot;

    ProxiedBot(FakeBotApi api, Tuning tuning) throws Exception {
        this.api = api;
        this.proxy = new FaultyProxy(api.url());
        CurrentSnapshot current = new CurrentSnapshot(Harness.shipped());
        this.bot = new TelegramBot(new TelegramApi(FakeBotApi.TOKEN, proxy.url(), tuning), new Conversations(current),
                current, new Hooks(), AnsweredUpdates.inMemory(), tuning, new Harness.Clock());
    }

    ProxiedBot start() throws TelegramBot.BadToken {
        bot.start();
        return this;
    }

    @Override
    public void close() {
        bot.close();
        proxy.close();
        api.close();
    }

    /**
     * Questions each answered by one entry, whatever was asked before: every entry's standard question, with the
     * reply text it gets, so the order of replies in a chat can be checked.
     */
    static List<String> questions() {
        List<String> out = new ArrayList<>();
        for (Entry e : Harness.shipped().knowledge().entries()) {
            Reply r = Harness.shipped().reply(e.standardQuestion());
            if (r.kind() == Reply.Kind.ANSWER && !out.contains(e.standardQuestion())) {
                out.add(e.standardQuestion());
            }
        }
        return out;
    }
}

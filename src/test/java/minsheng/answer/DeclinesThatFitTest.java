package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minsheng.knowledge.Topic;
import org.junit.jupiter.api.Test;

/** A message the report cannot answer is told why in words that fit it; what the bot offers, it understands. */
class DeclinesThatFitTest {

    @Test
    void askingWhereToApplyGetsTheProcedureWordingNotTheInaccurateFigureOne() {
        for (String asked : new String[] {"去哪申请", "低保去哪申请", "去哪里申请低保", "加装电梯补贴在哪申请"}) {
            Reply r = ShippedSnapshot.reply(asked);
            assertEquals(Reply.Kind.DECLINE, r.kind(), asked);
            assertTrue(r.text().startsWith("抱歉，《山西省2020年民生工作报道》只讲山西省的政策和数字，不讲办事流程、所需材料"),
                    asked + ": " + r.text());
        }
    }

    @Test
    void everyTopicTheDeclineListsIsUnderstoodWhenACitizenSendsItBack() {
        Reply decline = ShippedSnapshot.reply("明天太原天气怎么样");
        for (Topic t : ShippedSnapshot.get().knowledge().topics()) {
            assertTrue(decline.text().contains(t.label()), t.label());
            Reply r = ShippedSnapshot.reply(t.label());
            assertTrue(r.kind() == Reply.Kind.ANSWER || r.kind() == Reply.Kind.SUGGEST, t.label() + ": " + r.text());
        }
        Reply overview = ShippedSnapshot.reply("民生综述");
        assertEquals(List.of("overview.spending-share"), overview.entryIds());
        assertTrue(overview.text().startsWith("「民生综述」方面，报道里的主要数字：\n· 据2020年的报道，山西已连续几年把民生支出占财政支出的比例"
                + "保持在80%以上。"), overview.text());
    }
}

package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exact words a citizen gets back. */
class SnapshotTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    @Test
    void remembersWhyItDeclinedSoARepeatedQuestionIsNotMatchedAgainForItsReason() {
        String question = "2019年城市低保多少人";
        Snapshot.Verdict first = snapshot.verdict(question);
        assertEquals(Reply.Kind.DECLINE, first.reply().kind(), first.reply().text());
        assertEquals(snapshot.explain(question).match().reason(), first.reason());
        assertTrue(first.reason() != minsheng.match.Match.Reason.NONE, String.valueOf(first.reason()));
        assertSame(first, snapshot.verdict(question));
        assertSame(first.reply(), snapshot.reply(question));
    }

    @Test
    void answersWithTheFigureAndCitesTheReportSectionAndParagraph() {
        Reply r = snapshot.reply("心脏支架多少钱");
        assertEquals(Reply.Kind.ANSWER, r.kind());
        String answer = snapshot.knowledge().entry("medical.stent-price").orElseThrow().answer();
        assertEquals(answer + "\n\n来源：民生资讯网《山西省2020年民生工作报道》「开篇」部分，第1段", r.text());
        assertTrue(r.suggestions().isEmpty());
        assertNull(r.caveat());
    }

    @Test
    void answersAQuestionAboutNowWithTheReportsYearFirst() {
        Reply r = snapshot.reply("心脏支架现在多少钱");
        assertEquals(Reply.Kind.ANSWER, r.kind());
        assertEquals("now", r.caveat());
        String answer = snapshot.knowledge().entry("medical.stent-price").orElseThrow().answer();
        // The answer opens with its year: the lead does not say it again.
        assertEquals("报道没有更新的数字，下面是报道里的情况：\n" + answer
                + "\n\n来源：民生资讯网《山西省2020年民生工作报道》「开篇」部分，第1段", r.text());
    }

    @Test
    void saysTheTimeOnceWhetherTheLeadOrTheAnswerSaysIt() {
        Reply r = snapshot.reply("太原的补充养老金第一笔是哪天发的");
        assertEquals("place", r.caveat(), r.text());
        assertTrue(r.text().startsWith("报道只讲了晋城市沁水县的情况，没有太原的数字。报道说的是2021年1月的情况：\n山西第一笔"),
                r.text());
        // Its answer says 「据2020年的报道」 though the entry describes 2021年1月: the lead must not say 2021 before it.
        Reply eligibility = snapshot.reply("太原谁能领补充养老金");
        assertTrue(eligibility.text().startsWith("报道只给出山西省全省的数字，没有太原的数字。\n据2020年的报道"),
                eligibility.text());
    }

    @Test
    void saysTheReportGivesOnlyTheProvinceWhenACityIsAsked() {
        Reply r = snapshot.reply("运城的低保户有多少");
        assertEquals("place", r.caveat());
        assertTrue(r.text().startsWith("报道只给出山西省全省的数字，没有运城的数字。\n据2020年的报道"), r.text());
    }

    @Test
    void offersNumberedStandardQuestionsWhenUnsure() {
        Reply r = snapshot.reply("低保有多少人");
        assertEquals(Reply.Kind.SUGGEST, r.kind());
        assertNull(r.entryId());
        String[] lines = r.text().split("\n");
        assertEquals("您是想问下面哪一个？", lines[0]);
        assertEquals("1. " + r.suggestions().get(0).question(), lines[1]);
        assertEquals("2. " + r.suggestions().get(1).question(), lines[2]);
        assertEquals("回复序号即可查看答案，也可以换个说法再问。", lines[lines.length - 1]);
    }

    @Test
    void declinesPlainlyListsTheTopicsAndPointsToTheHotline() {
        Reply r = snapshot.reply("明天天气怎么样");
        assertEquals(Reply.Kind.DECLINE, r.kind());
        assertEquals("抱歉，《山西省2020年民生工作报道》里没有找到能回答这个问题的内容，我不想给您一个不准确的数字。\n"
                + "我能回答这些方面的问题：民生综述、就业、养老、社会保险、医疗医保、教育、社会救助、儿童与残疾人、妇幼健康、城市建设。\n"
                + "想了解更多，可以拨打12345政务服务便民热线咨询。", r.text());
    }

    @Test
    void saysWhichYearTheReportCoversWhenAskedAboutAnother() {
        assertTrue(snapshot.reply("2021年城镇新增就业多少人").text()
                .startsWith("抱歉，《山西省2020年民生工作报道》讲的是2020年的情况"));
    }

    @Test
    void answersAPickedSuggestionByItsEntry() {
        Reply r = snapshot.answer("assistance.urban-dibao").orElseThrow();
        assertTrue(r.answered() && r.text().contains("26.4万人"), r.text());
        assertTrue(snapshot.answer("no.such-entry").isEmpty());
    }

    @Test
    void remembersRepliesToRepeatedQuestions() {
        assertSame(snapshot.reply("婚检率百分之几"), snapshot.reply("  婚检率百分之几 "));
    }

    @Test
    void givesAHintForAnEmptyQuestion() {
        assertTrue(snapshot.reply("   ").text().startsWith("请直接输入您想了解的问题"));
    }
}

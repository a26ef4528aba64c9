package minsheng.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import minsheng.answer.Reply;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    private static final QuestionSet.Case URBAN = new QuestionSet.Case(1, "城镇低保多少人", Set.of("urban"));
    private static final QuestionSet.Case EITHER = new QuestionSet.Case(2, "低保多少人", Set.of("urban", "rural"));
    private static final QuestionSet.Case WEATHER = new QuestionSet.Case(3, "明天天气", Set.of());

    private static Reply answer(String id) {
        return new Reply(Reply.Kind.ANSWER, List.of(id), 0.9, "", List.of(), List.of(), List.of(), List.of());
    }

    private static Reply suggest(String... ids) {
        return new Reply(Reply.Kind.SUGGEST, List.of(), 0.5, "",
                java.util.Arrays.stream(ids).map(i -> new Reply.Suggestion(i, i)).toList(), List.of(), List.of(),
                List.of());
    }

    private static final Reply DECLINE = new Reply(Reply.Kind.DECLINE, List.of(), 0.1, "", List.of(), List.of(), List.of(), List.of());

    @Test
    void countsOnlyTheExpectedAnswerAsRight() {
        assertEquals(Evaluation.Verdict.RIGHT, Evaluation.verdict(URBAN, answer("urban")));
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, Evaluation.verdict(URBAN, answer("rural")));
        assertEquals(Evaluation.Verdict.SUGGESTED_RIGHT, Evaluation.verdict(URBAN, suggest("rural", "urban")));
        assertEquals(Evaluation.Verdict.DECLINED_WRONG, Evaluation.verdict(URBAN, DECLINE));
    }

    @Test
    void countsAChoiceAsRightForAQuestionThatFitsSeveralEntries() {
        assertEquals(Evaluation.Verdict.RIGHT, Evaluation.verdict(EITHER, suggest("urban", "rural")));
        assertEquals(Evaluation.Verdict.RIGHT, Evaluation.verdict(EITHER, answer("rural")));
        assertEquals(Evaluation.Verdict.SUGGESTED_WRONG, Evaluation.verdict(EITHER, suggest("orphans")));
    }

    @Test
    void countsAnAnswerToAnUncoverableQuestionAsTheWorstMiss() {
        assertEquals(Evaluation.Verdict.DECLINED_RIGHT, Evaluation.verdict(WEATHER, DECLINE));
        assertEquals(Evaluation.Verdict.SUGGESTED_WRONG, Evaluation.verdict(WEATHER, suggest("urban")));
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, Evaluation.verdict(WEATHER, answer("urban")));
    }

    @Test
    void refusesLinesWithoutATabAndUnknownIdsNamingTheLine(@TempDir Path dir)
            throws IOException, KnowledgeException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, "# 注释\nassistance.urban-dibao\t城市低保多少人\n没有制表符的一行\nno.such-entry\t问题\n",
                StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class,
                () -> QuestionSet.read(file, KnowledgeLoader.load(Path.of("knowledge"))));
        assertTrue(e.getMessage().contains(file + ":3: expected EXPECTED<TAB>QUESTION"), e.getMessage());
        assertTrue(e.getMessage().contains(file + ":4: \"no.such-entry\" is not an entry id"), e.getMessage());
    }

    @Test
    void countsACaveatedAnswerToAQuestionToDeclineAsRightButAPlainOneAsWrong() {
        Reply caveated = new Reply(Reply.Kind.ANSWER, List.of("rural"), 0.9, "报道只给出山西省全省的数字，没有运城的数字。",
                List.of(), List.of(), List.of(), List.of(), "place");
        QuestionSet.Case yuncheng = new QuestionSet.Case(4, "运城的低保户有多少", Set.of(), Set.of("rural"));
        assertEquals(Evaluation.Verdict.DECLINED_RIGHT, Evaluation.verdict(yuncheng, caveated));
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, Evaluation.verdict(yuncheng, answer("rural")));
    }

    @Test
    void countsACaveatedFigureAboutAnotherSubjectAsWrong() {
        Reply pension = new Reply(Reply.Kind.ANSWER, List.of("pension"), 0.4,
                "报道没有给出每月（或每年）能领多少。报道说的是2020年的情况：\n……月人均增加175.6元……",
                List.of(), List.of(), List.of(), List.of(), "monthly");
        QuestionSet.Case monthly = new QuestionSet.Case(5, "低保一个月给多少钱", Set.of(), Set.of("urban", "rural"));
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, Evaluation.verdict(monthly, pension));
        QuestionSet.Case nothingNear = new QuestionSet.Case(6, "养老院一个月多少钱", Set.of());
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, Evaluation.verdict(nothingNear, pension));
    }

    @Test
    void findsAReplySayingTheReportLacksWhatItStates() {
        Reply detail = new Reply(Reply.Kind.ANSWER, List.of("defects"), 0.5,
                "您问到的「确诊」，报道里没有讲。报道说的是2020年的情况：\n2020年……确诊项目范围内的出生缺陷313人。",
                List.of(), List.of(), List.of(), List.of(), "detail");
        assertEquals("「确诊」", SelfContradiction.in(detail).orElseThrow());
        Reply raise = new Reply(Reply.Kind.ANSWER, List.of("rate"), 0.5,
                "报道没有给出涨了多少。报道说的是2020年的情况：\n2020年，山西婚检率提高到72.66%，2019年只有5.46%。",
                List.of(), List.of(), List.of(), List.of(), "raise");
        assertEquals("涨了多少", SelfContradiction.in(raise).orElseThrow());
        Reply date = new Reply(Reply.Kind.ANSWER, List.of("first"), 0.5,
                "报道没有给出具体的月份和日期。报道说的是2021年1月的情况：\n……于2021年1月15日在晋城市沁水县发放……",
                List.of(), List.of(), List.of(), List.of(), "date");
        assertEquals("月份和日期", SelfContradiction.in(date).orElseThrow());
        Reply honest = new Reply(Reply.Kind.ANSWER, List.of("metro"), 0.5,
                "您问到的「几个站」，报道里没有讲。报道说的是2020年的情况：\n2020年，太原地铁2号线通车。",
                List.of(), List.of(), List.of(), List.of(), "detail");
        assertTrue(SelfContradiction.in(honest).isEmpty());
        Reply saidTwice = new Reply(Reply.Kind.ANSWER, List.of("rural"), 0.5,
                "报道只给出山西省的数字，没有分市、分县的数字。\n据2020年的报道，全省农村低保对象有99.2万人。这是全省的人数，"
                        + "报道没有分市、分县的人数。",
                List.of(), List.of(), List.of(), List.of(), "place");
        assertTrue(SelfContradiction.in(saidTwice).isEmpty(), "the answer repeats the lack; it states no city's figure");
        Reply cityStated = new Reply(Reply.Kind.ANSWER, List.of("metro"), 0.5,
                "报道只讲了太原市的情况，没有大同的数字。\n2020年，大同新开了3条公交线路。",
                List.of(), List.of(), List.of(), List.of(), "place");
        assertEquals("「大同」的数字", SelfContradiction.in(cityStated).orElseThrow());
    }

    @Test
    void readsTheNearEntryOfADeclineLineAndRefusesItElsewhere(@TempDir Path dir)
            throws IOException, KnowledgeException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, "DECLINE\t运城的低保户有多少\tNEAR:assistance.rural-dibao\nDECLINE\t明天天气\n",
                StandardCharsets.UTF_8);
        QuestionSet set = QuestionSet.read(file, KnowledgeLoader.load(Path.of("knowledge")));
        assertEquals(Set.of("assistance.rural-dibao"), set.cases().get(0).near());
        assertEquals("运城的低保户有多少", set.cases().get(0).question());
        assertEquals(Set.of(), set.cases().get(1).near());

        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "assistance.urban-dibao\t城市低保多少人\tNEAR:assistance.rural-dibao\n"
                + "DECLINE\t运城低保\tNEAR:no.such-entry\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class,
                () -> QuestionSet.read(bad, KnowledgeLoader.load(Path.of("knowledge"))));
        assertTrue(e.getMessage().contains(bad + ":1: a third column is only NEAR:<entry id>, on a DECLINE line"),
                e.getMessage());
        assertTrue(e.getMessage().contains(bad + ":2: \"no.such-entry\" after NEAR: is not an entry id"),
                e.getMessage());
    }

    @Test
    void saysWhichLineOfAQuestionSetIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, "DECLINE\t明天天气\n", StandardCharsets.UTF_8);
        Files.write(file, "DECLINE\t低保\n".getBytes(java.nio.charset.Charset.forName("GBK")),
                java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> QuestionSet.read(file, null));
        assertEquals(file + ":2: is not UTF-8 text (byte 0xB5); save the file as UTF-8", e.getMessage());
    }
}

package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How the engine reads citizens' questions against the shipped knowledge. */
class MatcherTest {

    private static Matcher matcher;

    @BeforeAll
    static void load() throws KnowledgeException {
        matcher = Matcher.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    private static void assertAnswers(String entryId, String question) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.ANSWER, m.outcome(), () -> question + " → " + m);
        assertEquals(entryId, m.offered().get(0).entry().id(), question);
    }

    private static void assertOffers(Set<String> entryIds, String question) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.SUGGEST, m.outcome(), () -> question + " → " + m);
        List<String> offered = m.offered().stream().map(c -> c.entry().id()).toList();
        assertTrue(offered.containsAll(entryIds), () -> question + " offered " + offered);
        assertTrue(offered.size() <= Matcher.MAX_SUGGESTIONS);
    }

    private static void assertDeclines(Match.Reason reason, String question) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.DECLINE, m.outcome(), () -> question + " → " + m);
        assertEquals(reason, m.reason(), question);
    }

    @ParameterizedTest
    @CsvSource({
            "medical.stent-price, 我爸要放支架，现在贵不贵",
            "medical.clopidogrel-price, 吃的波立维便宜了吗",
            "employment.public-services, 找不到工作政府管不管",
            "city.aed, AED",
    })
    void answersColloquialIndirectAndVeryShortQuestions(String entryId, String question) {
        assertAnswers(entryId, question);
    }

    @ParameterizedTest
    @CsvSource({
            "assistance.urban-dibao, 最低生活保障城市有多少人",
            "medical.clopidogrel-price, 氯吡格雷多少钱",
            "city.aed, 除颤器配了多少台",
            "maternal.cancer-screening, 宫颈癌乳腺癌免费检查做了多少",
    })
    void readsSynonymsAndAbbreviations(String entryId, String question) {
        assertAnswers(entryId, question);
    }

    @Test
    void readsTraditionalCharactersAndFullWidthForms() {
        assertAnswers("medical.stent-price", "心臟支架現在多少錢");
        assertAnswers("city.aed", "ＡＥＤ有多少台");
    }

    @Test
    void readsNumbersWrittenInWords() {
        assertAnswers("medical.stent-price", "支架以前一万三现在呢");
        assertAnswers("maternal.premarital-rate", "婚检率百分之几");
        assertAnswers("education.boarding-support", "离县城四十多公里的孩子怎么上学");
    }

    @Test
    void toleratesWrongCharactersWithTheSameSound() {
        assertAnswers("medical.stent-price", "心脏之架现在多少钱");
        assertAnswers("medical.clopidogrel-price", "波利维多少钱一盒");
        assertOffers(Set.of("assistance.urban-dibao", "assistance.rural-dibao"), "低宝有多少人");
    }

    @Test
    void offersAChoiceWhenTheQuestionFitsUrbanAndRuralAlike() {
        assertOffers(Set.of("assistance.urban-dibao", "assistance.rural-dibao"), "低保有多少人");
        assertOffers(Set.of("assistance.urban-dibao", "assistance.rural-dibao"), "低保");
    }

    @Test
    void offersTheEntriesAShortTermBelongsTo() {
        assertOffers(Set.of("maternal.premarital-checkup", "maternal.premarital-rate"), "婚检");
        assertOffers(Set.of("pension.supplementary-first-payment", "pension.supplementary-scheme"), "补充养老金");
    }

    @Test
    void answersOnceTheQuestionSaysWhich() {
        assertAnswers("assistance.rural-dibao", "农村低保对象有多少人");
        assertAnswers("assistance.urban-dibao", "城市低保对象有多少人");
    }

    @ParameterizedTest
    @ValueSource(strings = {"从太原到北京的高铁票多少钱", "iPhone多少钱", "明天天气怎么样", "公积金怎么提取", "太原房价多少钱一平",
            "😀😀", "asdfgh", "你好", "？？？"})
    void declinesWhatTheReportDoesNotCover(String question) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.DECLINE, m.outcome(), () -> question + " → " + m);
    }

    @Test
    void declinesProceduresEvenWhenTheyNameAKnownThing() {
        assertDeclines(Match.Reason.OUT_OF_SCOPE, "医保卡丢了怎么补办");
        assertDeclines(Match.Reason.OUT_OF_SCOPE, "医保电子凭证密码忘了怎么办");
    }

    @Test
    void declinesAnotherProvinceUnlessTheEntrySpeaksOfIt() {
        assertDeclines(Match.Reason.OUT_OF_SCOPE, "河北省2020年农村低保有多少人");
        assertDeclines(Match.Reason.OUT_OF_SCOPE, "陕西省民生支出占财政支出多少");
        assertAnswers("medical.cross-region-care", "我爸在北京看病能用山西医保吗");
    }

    @Test
    void answersHowToUseWhenTheEntryIsAboutThat() {
        assertAnswers("medical.insurance-e-voucher", "医保电子凭证怎么用");
        assertDeclines(Match.Reason.OUT_OF_SCOPE, "AED怎么使用");
    }

    @Test
    void declinesACountTheEntryDoesNotGive() {
        assertDeclines(Match.Reason.FIGURE_NOT_STATED, "2020年老旧小区改造了多少个");
        assertAnswers("city.aed", "AED一共配了多少台");
    }

    @Test
    void declinesAnotherYearInsteadOfGivingTheReportsFigure() {
        assertDeclines(Match.Reason.OTHER_YEAR, "2021年城镇新增就业多少人");
        assertAnswers("maternal.premarital-rate", "2019年婚检率是多少");
    }

    @Test
    void declinesAPriceTheEntryDoesNotState() {
        assertDeclines(Match.Reason.FIGURE_NOT_STATED, "太原地铁票价多少钱");
        Match m = matcher.match("低保每个月发多少钱");
        assertEquals(Match.Outcome.DECLINE, m.outcome(), m::toString);
    }

    @Test
    void scoresAQuestionTheKnowledgeHoldsWordForWordAsOne() {
        assertEquals(1.0, matcher.match("心脏支架现在多少钱").score(), 1e-9);
    }

    @Test
    void matchesOnlyTheBeginningOfAMessageOfThousandsOfCharacters() {
        // Telegram allows 4096 characters; every character once made Lucene refuse the query (TooManyClauses).
        String chars = "低保城市农村支架波立维婚检养老金就业培训孤儿残疾人地铁高铁医保";
        StringBuilder message = new StringBuilder("农村低保有多少人");
        for (int i = 0; message.length() < 4096; i++) {
            message.append(chars.charAt((i * 7) % chars.length())).append((char) ('一' + i % 20000));
        }
        Match m = matcher.match(message.toString());
        assertTrue(m.outcome() != Match.Outcome.ANSWER || m.caveat() != null || m.score() >= 0.28,
                () -> "outcome " + m.outcome());
        Match question = matcher.match("农村低保有多少人" + "？".repeat(4000));
        assertEquals(Match.Outcome.ANSWER, question.outcome(), () -> "outcome " + question.outcome());
        assertEquals("assistance.rural-dibao", question.offered().get(0).entry().id());
        assertEquals(Matcher.MAX_MATCHED, Matcher.matched("😀".repeat(3000)).length());
        assertEquals(Matcher.MAX_MATCHED - 1, Matcher.matched("a" + "😀".repeat(3000)).length(),
                "a character outside the BMP is never cut in half");
    }

    @ParameterizedTest
    @CsvSource({
            "低保一个月给多少钱, assistance.urban-dibao",
            "孤儿一个月领多少钱, children.orphans",
            "补充养老金每月多少, pension.supplementary-scheme",
            "养老院一个月多少钱, elderly.community-care-center"})
    void neverAnswersWithAFigureAboutAnotherSubjectAndNamesWhatTheReportSaysAboutIt(String question, String about) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.DECLINE, m.outcome(), () -> question + " → " + m);
        assertTrue(m.offered().stream().anyMatch(c -> c.entry().id().equals(about)), () -> question + " → " + m);
        assertTrue(m.offered().stream().noneMatch(c -> c.entry().id().equals("pension.retiree-raise")),
                () -> question + " → " + m);
    }

    @Test
    void declinesAQuestionAboutSomethingTheKnowledgeNeverMentions() {
        assertEquals(Match.Outcome.DECLINE, matcher.match("iPhone 15多少钱").outcome());
    }

    @Test
    void readsWhichMetroLineAsALineNotADate() {
        assertAnswers("city.taiyuan-metro", "太原地铁几号线通了");
    }

    @ParameterizedTest
    @CsvSource({
            "民航的培训了多少人, employment.training-trades",
            "特困供养的资金有多少, assistance.extreme-poverty",
            "城市低保花了多少, assistance.urban-dibao"})
    void neverAnswersAQuestionForOneMeasureWithAnotherMeasureOfTheSameThing(String question, String entryId) {
        Match m = matcher.match(question);
        assertTrue(m.outcome() != Match.Outcome.ANSWER || !m.offered().get(0).entry().id().equals(entryId)
                || m.caveat() != null, () -> question + " → " + m.outcome() + " " + m.offered().get(0).entry().id());
    }

    @Test
    void saysFirstThatAnEntryInWordsGivesNoFigureForHowMany() {
        Match m = matcher.match("困境儿童有多少");
        assertTrue(m.outcome() != Match.Outcome.ANSWER || m.caveat() != null, () -> m.outcome() + " " + m.reason());
    }
}

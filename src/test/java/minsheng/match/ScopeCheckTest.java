package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Questions next to what an entry states: never answered as if the entry's figure answered them. */
class ScopeCheckTest {

    private static Matcher matcher;

    @BeforeAll
    static void load() throws KnowledgeException {
        matcher = Matcher.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    static Stream<Arguments> traps() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ScopeCheckTest.class.getResourceAsStream("/trust/traps.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    out.add(Arguments.of(parts[0], parts[1]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("traps")
    void neverPresentsANeighbouringFigureAsTheAnswer(String expected, String question) {
        Match m = matcher.match(question);
        if (expected.startsWith("DECLINE:")) {
            assertEquals(Match.Outcome.DECLINE, m.outcome(), () -> question + " → " + m);
            assertEquals(Match.Reason.valueOf(expected.substring("DECLINE:".length())), m.reason(), question);
            return;
        }
        if (m.outcome() != Match.Outcome.ANSWER) {
            assertTrue(expected.equals("ANY") || m.outcome() == Match.Outcome.SUGGEST,
                    () -> question + " should be answered with a caveat, got " + m);
            return;
        }
        assertNotNull(m.caveat(), () -> question + " answered plainly with " + m.offered().get(0).entry().id());
        if (!expected.equals("ANY")) {
            assertTrue(Set.of(expected.split("\\|")).contains(m.caveat().kind().label()),
                    () -> question + " → caveat " + m.caveat());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "medical.newborn-insurance, 新生儿什么时候可以参加医保",
            "maternal.premarital-checkup, 婚检收费吗",
            "disability.subsidy-adjustment, 残疾人两项补贴的标准以后会不会调整",
            "pension.supplementary-eligibility, 没儿没女收入低的老人，补充养老金有倾斜吗",
            "disability.subsidy-adjustment, 残疾人补贴标准以后还变不变",
    })
    void answersInWordsWhatTheReportAnswersInWords(String entryId, String question) {
        Match m = matcher.match(question);
        assertEquals(Match.Outcome.ANSWER, m.outcome(), () -> question + " → " + m);
        assertEquals(entryId, m.offered().get(0).entry().id());
    }

    @Test
    void answersPlainlyWhatTheEntryStatesForTheWholeProvince() {
        Match m = matcher.match("农村低保有多少人");
        assertEquals(Match.Outcome.ANSWER, m.outcome());
        assertNull(m.caveat());
    }

    @Test
    void aCountyTheEntryNamesIsNotNarrowerThanIt() {
        Match m = matcher.match("浑源县有多少农村初中生进城读书");
        assertEquals(Match.Outcome.ANSWER, m.outcome(), m::toString);
        assertNull(m.caveat(), () -> String.valueOf(m.caveat()));
    }

    @Test
    void aStandardForEveryCountyAnswersTheAskersCounty() {
        Match m = matcher.match("俺们县农村低保标准达到国家扶贫线了没");
        assertEquals(Match.Outcome.ANSWER, m.outcome(), m::toString);
        assertFalse(m.caveat() != null && m.caveat().kind() == Caveat.Kind.PLACE, () -> String.valueOf(m.caveat()));
    }

    @Test
    void aGuessedFigureIsNotConfirmedByAPolicyInWords() {
        Match m = matcher.match("补充养老金每个月有没有500块");
        assertFalse(m.outcome() == Match.Outcome.ANSWER && m.caveat() == null, m::toString);
    }

    @ParameterizedTest
    @CsvSource({
            "小店老板失业了有什么保障",
            "退休金提高平均每月多少",
            "那个市场上的药便宜了吗，波立维多少钱",
    })
    void everydayWordsAreNotPlaces(String question) {
        Match m = matcher.match(question);
        assertFalse(m.caveat() != null && m.caveat().kind() == Caveat.Kind.PLACE, () -> String.valueOf(m.caveat()));
    }
}

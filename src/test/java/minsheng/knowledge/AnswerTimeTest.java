package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Answers say which year they describe; nothing from the 2020 report reads as today's news. */
class AnswerTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2020年城镇新增就业48.77万人，完成年度目标的106%。",
            "据2020年的报道，全省农村低保对象有99.2万人。",
            "首笔补充养老金于2021年1月15日在晋城市沁水县发放。",
            "首批吕梁山护工于2020年12月赴日本就业。",
            "2020年末，李逢玉老人住进了幸福汇康养中心。",
            "2020年全年下达救助补助资金70.25亿元。",
            "据2020年的报道，这体现在就业和养老两方面。",
    })
    void acceptsAnswersThatNameTheirYear(String answer) {
        assertEquals(List.of(), problems(answer));
    }

    private static List<String> problems(String answer) {
        return AnswerTime.problems(answer).stream().map(Problem.Says::text).toList();
    }

    @Test
    void refusesAnAnswerWithNoYear() {
        assertEquals(List.of("没有写年份；请说明讲的是哪一年，例如「2020年……」或「据2020年的报道……」。"),
                problems("城市低保对象有26.4万人。"));
    }

    @Test
    void refusesAMonthAndDayWithoutTheirYear() {
        List<String> problems = problems("2020年的报道说，首笔补充养老金于1月15日发放，同年12月护工赴日。");
        assertEquals(List.of(
                "日期「1月15日」没有写年份；请写上文章给出的年份，例如「2020年1月15日」。",
                "日期「12月」没有写年份；请写上文章给出的年份，例如「2020年12月」。",
                "「同年」要看什么时候读才知道是哪一年；请直接写出年份。"), problems);
    }

    @Test
    void refusesPartsOfAYearAndYearlyCountsWithoutTheYear() {
        List<String> problems = problems("据2020年的报道，年初支架降价，全年救助16.4万人次。");
        assertEquals(List.of(
                "「年初」没有写年份；请写成「2020年初」或对应的年份。",
                "「全年」没有说是哪一年；请写成「2020年全年」或对应的年份。"), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"现在", "目前", "正在", "如今", "今年"})
    void refusesWordsThatSpeakAsIf2020WereToday(String word) {
        List<String> problems = problems("据2020年的报道，支架" + word + "平均700余元。");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("「" + word + "」"), problems::toString);
    }
}

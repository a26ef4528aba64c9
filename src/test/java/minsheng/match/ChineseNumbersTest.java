package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChineseNumbersTest {

    private static String n(String s) {
        return ChineseNumbers.normalize(s);
    }

    @Test
    void writesTheSameAmountTheSameWayHoweverItIsSaid() {
        assertEquals("支架13000", n("支架1.3万"));
        assertEquals("支架13000", n("支架一万三"));
        assertEquals("支架13000", n("支架13000"));
        assertEquals("支架13000元", n("支架一万三千元左右"));
    }

    @Test
    void dropsApproximationsAfterNumbers() {
        assertEquals("离县城40公里", n("离县城四十多公里"));
        assertEquals("离县城40公里", n("离县城40余公里"));
        assertEquals("700元", n("七百来块"));
        assertEquals("700元", n("700余元"));
    }

    @Test
    void readsPercentagesInWords() {
        assertEquals("婚检率72.66%", n("婚检率百分之七十二点六六"));
        assertEquals("婚检率70%", n("婚检率百分之70"));
    }

    @Test
    void multipliesOutWanAndYi() {
        assertEquals("487700人", n("48.77万人"));
        assertEquals("7025000000元", n("70.25亿元"));
        assertEquals("264000", n("二十六点四万"));
        assertEquals("24400000", n("2440万"));
    }

    @Test
    void readsColloquialShortForms() {
        assertEquals("250", ChineseNumbers.parse("两百五"));
        assertEquals("1200", ChineseNumbers.parse("一千二"));
        assertEquals("105", ChineseNumbers.parse("一百零五"));
        assertEquals("13", ChineseNumbers.parse("十三"));
        assertEquals("2020", ChineseNumbers.parse("二〇二〇"));
    }

    @Test
    void leavesWordsThatOnlyContainANumeral() {
        assertEquals("统一提高待遇", n("统一提高待遇"));
        assertEquals("第一笔养老金", n("第一笔养老金"));
        assertEquals("五保户", n("五保户"));
        assertEquals("老百姓", n("老百姓"));
        assertEquals("三晋百姓", n("三晋百姓"));
    }

    @Test
    void readsCountsAndOrdinalsBeforeAMeasureWord() {
        assertEquals("2号线和1号线", n("二号线和一号线"));
        assertEquals("连续9次", n("连续九次"));
        assertEquals("1月15日", n("一月十五日"));
    }
}

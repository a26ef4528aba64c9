package minsheng.match;

/**
 * What a question is about, as opposed to what it asks of it: 「低保一个月给多少钱」 is about 低保 and asks a monthly
 * amount. An entry may give a figure only when it is about the question's subject; an entry that shares only the
 * asking words (每月, 多少钱, 多少人) is about something else, however alike the words (the retirees' pension raise
 * is 月人均增加175.6元, and not what 低保 pays).
 */
final class Subject {

    /**
     * Words that ask (多少钱, 每月, 几), say when (2020年, 现在) or where in the province (全省, 市里), or carry the
     * question along (给, 领, 是, 有): none of them names what the question is about. Read on normalized text:
     * numbers are digits (一个月 → 1个月), synonyms canonical (贵不贵 → 多少钱, 啥 → 什么).
     */
    private static final WordList NOT_SUBJECT = new WordList(String.join("|",
            // how much, how many, which, when, whether
            "多少钱|多少元|多少万|多少亿|多少人次|多少人|多少名|多少个|多少户|多少对|多少例|多少次|多少项|多少所|多少台",
            "多少|几个|几次|几名|几位|几|什么时候|什么人|什么样|什么|怎么样|怎么回事|怎么|哪些人|哪些|哪个|哪里|哪儿|哪|谁|何时",
            "是否|有没有|能不能|是不是|会不会|可不可以|要不要|算不算|行不行|够不够|高不高|好不好|多不多|没有|吗|么",
            // per head, per month, in all
            "每个月|每月|1个月|每年|1年|每个人|每1个人|个人|每人|每户|人均|月均|平均|一共|总共|合计|加起来|总数|数量|人数|金额|数字|具体",
            "比例|百分之|百分比|百分|情况|程度|幅度|水平|效果|进展|变化|成绩|结果|年度目标|目标|完成度|完成率|超额|任务",
            // verbs that carry the question
            "能领|能拿|能给|领到|拿到|领了|拿了|给了|发了|涨了|降了|提高了|增加了|减少了|达到|完成了|完成|受益|惠及|覆盖|享受",
            "能给|能发|可以|还是|以及|那么|他们|她们|这些|那些|这个|那个|怎样|咋样",
            "了|的|地|着|过|呢|啊|呀|吧|嘛|哦|吗|都|还|也|又|和|与|跟|或|那|这|它|是|有|在",
            // when
            "2019年|2020年|2021年|2022年|2023年|2024年|2025年|2026年|去年|今年|前年|明年|现在|目前|如今|以前|之前|之后|以后",
            "后来|年初|年末|年底|全年|这几年|这两年|当时|那时|月份|日期|时间|时候",
            // where in the province (a narrower place is the scope check's, not another subject)
            "全省|全国|山西省|山西|省里|市里|县里|各市|各县|我们|咱们|俺们|我|咱|俺|你|您"));

    private Subject() {
    }

    /**
     * The words of a normalized question that say what it is about, run together; "" when it names nothing but
     * what it asks (「多少钱」). Cities and counties are left out too: they narrow the place, not the subject.
     */
    static String of(String canonical) {
        return of(canonical, false);
    }

    /** {@link #of(String)}, keeping the places it names when {@code places}: 万荣's seafarers are told by 万荣. */
    static String of(String canonical, boolean places) {
        String rest = NOT_SUBJECT.removeAll(canonical);
        if (!places) {
            rest = ScopeCheck.CITY.removeAll(rest);
        }
        return rest.replaceAll("[\\p{P}\\p{S}\\s\\d.%]+", "");
    }
}

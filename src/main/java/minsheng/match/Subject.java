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
     * question along (给, 领, 是, 有): none of them names what the question is about. Kept by admins in cues.txt
     * (不是主题) and read as questions are: numbers are digits (一个月 → 1个月).
     */
    private final WordList notSubject;
    /** The province's places: they narrow the place, not the subject. */
    private final WordList places;

    Subject(WordList notSubject, WordList places) {
        this.notSubject = notSubject;
        this.places = places;
    }

    /**
     * The words of a normalized question that say what it is about, run together; "" when it names nothing but
     * what it asks (「多少钱」). Cities and counties are left out too: they narrow the place, not the subject.
     */
    String of(String canonical) {
        return of(canonical, false);
    }

    /** {@link #of(String)}, keeping the places it names when {@code keepPlaces}: 万荣's seafarers are told by 万荣. */
    String of(String canonical, boolean keepPlaces) {
        String rest = notSubject.removeAll(canonical);
        if (!keepPlaces) {
            rest = places.removeAll(rest);
        }
        return rest.replaceAll("[\\p{P}\\p{S}\\s\\d.%]+", "");
    }
}

package minsheng.answer;

/** Reads a message that picks one of the offered choices by its number. */
final class Picks {

    private Picks() {
    }

    /** The number picked, or null when the message is not a pick. */
    static Integer number(String message) {
        String s = message.strip().replace('．', '.').replaceAll("[.。、)）]$", "");
        if (s.length() == 1 && Character.isDigit(s.charAt(0))) {
            return Character.digit(s.charAt(0), 10);
        }
        return null;
    }
}

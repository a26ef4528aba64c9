package minsheng.telegram;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the log names a chat or a user. A user's id, and a private chat's (the same number), identify a person, which
 * the log must not keep: they are named by a keyed hash instead ({@code p3fa91c2e}), the same all the while the bot
 * runs, so one person's lines can be followed, and unrelated to anything after a restart or to the journal's
 * hashes. A group is named the same way ({@code g5b20d1e7}): its id leads to its members as surely as a user's does.
 */
final class LogNames {

    private static final String ALGORITHM = "HmacSHA256";
    /** Made at start and never stored: no log line can be traced back to a person later. */
    private static final SecretKeySpec KEY = key();

    private LogNames() {
    }

    /** A chat: a group (negative id) as {@code g…}, a private chat, whose id is its person's, as {@code p…}. */
    static String chat(long chatId) {
        return chatId < 0 ? hashed("g", chatId) : person(chatId);
    }

    static String person(long userId) {
        return hashed("p", userId);
    }

    private static String hashed(String prefix, long id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(KEY);
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(id).array());
            return prefix + HexFormat.of().formatHex(hash, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    private static SecretKeySpec key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, ALGORITHM);
    }
}

package minsheng.telegram;

/**
 * One update from Telegram, reduced to what the bot acts on. Built by {@link TelegramApi} only, so no other class
 * depends on the library's types (nor on its traps, such as {@code Message.isCommand()} reading entities lazily).
 */
sealed interface Incoming {

    int updateId();

    /** Where a message came from: its id and whether it is a private chat, a group or something else. */
    record Chat(long id, Kind kind) {
        enum Kind { PRIVATE, GROUP, OTHER }

        boolean isGroup() {
            return kind == Kind.GROUP;
        }
    }

    /** A file sent as a document; its bytes are fetched on demand with {@link TelegramApi#download}. */
    record Document(String fileId, String fileName, long size) {}

    /**
     * A message, new or edited.
     *
     * @param text          the text or caption, null when the message has none (a sticker, a photo without caption)
     * @param command       the command word when the message starts with one ({@code "ask"}), else null
     * @param commandBot    the bot the command was addressed to ({@code /ask@SomeBot}), null when unaddressed
     * @param argument      the text after the command, stripped; the whole text when there is no command
     * @param replyToUserId the author of the message this one replies to, null when it replies to none
     * @param fromBot       true when another bot wrote it
     */
    record Message(int updateId, Chat chat, long userId, boolean fromBot, int messageId, String text, String command,
            String commandBot, String argument, boolean edited, Long replyToUserId, Document document)
            implements Incoming {}

    /** A tap on an inline button. {@code messageId} is the message the button was under (0 when unknown). */
    record Callback(int updateId, String id, Chat chat, long userId, int messageId, String data) implements Incoming {}

    /**
     * An inline query: 「@bot 问题」 typed in any chat, sent afresh at each pause in typing. {@code query} is what
     * follows the bot's name (empty when nothing does yet).
     */
    record Inline(int updateId, String id, long userId, String query) implements Incoming {}

    /** The bot was added to a group (a my_chat_member update: it was not a member, now it is). */
    record Joined(int updateId, Chat chat) implements Incoming {}

    /** Anything else (channel posts, other member changes): acknowledged and passed over. */
    record Other(int updateId, String what) implements Incoming {}
}

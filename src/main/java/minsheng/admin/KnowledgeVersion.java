package minsheng.admin;

import java.time.Instant;

/**
 * Which knowledge is being served: how many entries, when it was loaded and a hash of the files' content (the same
 * files give the same hash on any machine, so two admins can tell whether they look at the same knowledge).
 */
public record KnowledgeVersion(int entries, Instant loadedAt, String contentHash) {}

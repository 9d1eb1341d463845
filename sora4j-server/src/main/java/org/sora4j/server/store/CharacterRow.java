package org.sora4j.server.store;

/**
 * One character as stored: a name its owner's prompts may use, and what the world's judge saw in
 * the uploaded video.
 *
 * @param id {@code char_} and 32 hex digits
 * @param owner who may see and use it: a digest of the API key that made it ("" when the server has no keys)
 * @param name the name as given: letters, digits, spaces, '_' and '-'
 * @param description the main subject of the upload in the world's words, e.g. "a small red ball"
 * @param createdAt unix seconds
 */
public record CharacterRow(String id, String owner, String name, String description, long createdAt) {}

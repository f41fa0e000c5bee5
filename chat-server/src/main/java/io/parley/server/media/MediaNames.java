package io.parley.server.media;

/** The display name kept from the client's file name: no path, no control characters, at most 120 characters. */
final class MediaNames {
    static final int MAX = 120;

    private MediaNames() {
    }

    static String display(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && c != '"' && Character.isDefined(c))
                .limit(MAX)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() || result.equals(".") || result.equals("..") ? "file" : result;
    }
}

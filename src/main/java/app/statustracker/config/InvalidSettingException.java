package app.statustracker.config;

/** A configuration value that cannot be used; the message is one line that names the key. */
public final class InvalidSettingException extends RuntimeException {
    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Invalid setting " + key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}

package app.statustracker.wa.status;

import app.statustracker.wa.ProtocolException;
import app.statustracker.wa.binary.Node;

/** The server answered one of our queries with {@code <iq type="error"><error code text/></iq>}. */
public class IqErrorException extends ProtocolException {
    private final int code;
    private final String text;

    public IqErrorException(String query, int code, String text) {
        super(query + " refused by the server: " + code + (text.isEmpty() ? "" : " " + text));
        this.code = code;
        this.text = text;
    }

    /** Throws unless {@code answer} is a {@code result} iq. */
    public static void requireResult(Node answer, String query) throws IqErrorException {
        if ("result".equals(answer.attr("type"))) {
            return;
        }
        Node error = answer.child("error").orElse(null);
        int code = -1;
        String text = "";
        if (error != null) {
            text = error.attr("text", "");
            try {
                code = Integer.parseInt(error.attr("code", "-1"));
            } catch (NumberFormatException e) {
                code = -1;
            }
        }
        throw new IqErrorException(query, code, text.isEmpty() && error == null ? "type " + answer.attr("type") : text);
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}

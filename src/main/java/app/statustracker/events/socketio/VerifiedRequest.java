package app.statustracker.events.socketio;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request as Engine.IO and the WebSocket container see it: any {@value #PARAMETER} the client sent is removed,
 * and when the filter found a right key it is set to this process's secret marker. Both transports read the query,
 * so the mark reaches the socket without the headers (which a WebSocket session does not keep).
 */
final class VerifiedRequest extends HttpServletRequestWrapper {
    static final String PARAMETER = "st-key-verified";

    private final String marker;

    VerifiedRequest(HttpServletRequest request, String marker) {
        super(request);
        this.marker = marker;
    }

    @Override
    public String getQueryString() {
        String original = super.getQueryString();
        String kept = original == null ? "" : Arrays.stream(original.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.split("=", 2)[0].equalsIgnoreCase(PARAMETER))
                .collect(Collectors.joining("&"));
        if (marker != null) {
            String mark = PARAMETER + "=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
            kept = kept.isEmpty() ? mark : kept + "&" + mark;
        }
        return kept.isEmpty() && original == null ? null : kept;
    }

    @Override
    public String getParameter(String name) {
        if (PARAMETER.equalsIgnoreCase(name)) {
            return marker;
        }
        return super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
        map.keySet().removeIf(PARAMETER::equalsIgnoreCase);
        if (marker != null) {
            map.put(PARAMETER, new String[] {marker});
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }
}

package app.statustracker.events.socketio;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Engine.IO's HTTP side: the handshake and long-polling ({@code GET}/{@code POST /socket.io/?EIO=4&...}). */
@WebServlet(urlPatterns = "/socket.io/*", asyncSupported = true)
public class SocketIoServlet extends HttpServlet {
    @Inject
    SocketIoEvents events;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        events.engine().handleRequest(request, response);
    }
}

package app.statustracker.launch;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("todo");
    }
}

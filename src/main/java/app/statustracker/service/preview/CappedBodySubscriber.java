package app.statustracker.service.preview;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte cap, then stops reading (cancels the stream) and completes with what it
 * has: a page's head holds the preview tags, and a huge or endless body must not fill the heap.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBodySubscriber.Body> {
    /** What was read; {@code truncated} when the cap was reached before the end. */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final int cap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int take = Math.min(b.remaining(), cap - out.size());
            byte[] chunk = new byte[take];
            b.get(chunk);
            out.write(chunk, 0, take);
            if (b.hasRemaining()) { // more than the cap
                result.complete(new Body(out.toByteArray(), true));
                subscription.cancel();
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false));
    }
}

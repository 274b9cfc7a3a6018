package app.statustracker.service.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/**
 * The inline preview of a video status, from its first frame (jcodec, pure Java H.264). A missing
 * thumbnail only makes the status show a grey box until the video loads, so every failure here gives
 * {@link Optional#empty()} and the post still goes.
 */
public final class VideoThumbnail {
    private static final Logger LOG = Logger.getLogger(VideoThumbnail.class.getName());

    /**
     * Largest frame we decode for a thumbnail (16 megapixels, beyond 4K UHD): jcodec holds the YUV frame and the
     * RGB copy in the heap, so a larger video is posted without a thumbnail rather than risk the heap.
     */
    public static final long MAX_FRAME_PIXELS = 16_000_000L;

    private VideoThumbnail() {
    }

    /** As {@link #jpeg(Path, int)}, but none for a video whose probed size is over {@link #MAX_FRAME_PIXELS}. */
    public static Optional<byte[]> jpeg(Path video, VideoInfo info, int maxSide) {
        if ((long) info.width() * info.height() > MAX_FRAME_PIXELS) {
            LOG.info("video thumbnail: " + info.width() + "x" + info.height() + " is too large to decode; "
                    + "posting without a thumbnail");
            return Optional.empty();
        }
        return jpeg(video, maxSide);
    }

    public static Optional<byte[]> jpeg(Path video, int maxSide) {
        try (FileChannelWrapper channel = NIOUtils.readableChannel(video.toFile())) {
            // only the first frame, a key frame in an MP4: decoding stays bounded whatever the video's length
            Picture picture = FrameGrab.createFrameGrab(channel).getNativeFrame();
            if (picture != null) {
                BufferedImage frame = AWTUtil.toBufferedImage(picture);
                return Optional.of(Thumbnails.jpeg(frame, maxSide));
            }
            LOG.info("video thumbnail: no frame decoded; posting without a thumbnail");
        } catch (Exception | AssertionError | StackOverflowError e) {
            // jcodec signals bad streams with all sorts of runtime exceptions; the message names no file content
            LOG.log(Level.INFO, "video thumbnail: frame not decodable ({0}); posting without a thumbnail",
                    e.getClass().getSimpleName());
            LOG.log(Level.FINE, "video thumbnail failure", e);
        }
        return Optional.empty();
    }
}

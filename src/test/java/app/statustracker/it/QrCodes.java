package app.statustracker.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the linking string back out of the API's QR PNG, as a phone's camera would. */
final class QrCodes {
    private QrCodes() {
    }

    static String decode(String dataUrl) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // the PNG is a clean rendering, so read it as one: without PURE_BARCODE the finder-pattern search misread
        // an occasional code (FormatException in CI); a camera-style search stays as the fallback
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (ReaderException pureFailed) {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }
}

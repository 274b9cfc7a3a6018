package app.statustracker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImagesTest {
    @Test
    void dataUrlDecodesBackToTheLinkingString() throws Exception {
        String qr = "https://wa.me/settings/linked_devices#2@AbCdEf0123456789,"
                + "K3sYk9n7T1lX2mQ0oP5rS8uV4wZ6yB1cD3eF5gH7iJ8=,"
                + "aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9c=,"
                + "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5=,1";
        String url = QrImages.pngDataUrl(qr);
        assertTrue(url.startsWith("data:image/png;base64,"));
        byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        assertEquals(qr, new QRCodeReader().decode(bitmap).getText());
    }
}

package io.parley.server.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Real files of each kind the tests upload, made here: images drawn with ImageIO, headers of the other formats. */
public final class MediaFiles {
    private MediaFiles() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
    }

    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(int width, int height, String format, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
                + "/Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Three MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each) of silence. */
    public static byte[] mp3() {
        byte[] frames = new byte[417 * 3];
        for (int i = 0; i < 3; i++) {
            int at = i * 417;
            frames[at] = (byte) 0xFF;
            frames[at + 1] = (byte) 0xFB;
            frames[at + 2] = (byte) 0x90;
            frames[at + 3] = (byte) 0x64;
        }
        return frames;
    }

    /** An ISO base media file: an {@code ftyp} box (brand isom) and a {@code free} box. */
    public static byte[] mp4() {
        byte[] file = new byte[32 + 1024];
        byte[] ftyp = {0, 0, 0, 32, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
                'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1'};
        System.arraycopy(ftyp, 0, file, 0, ftyp.length);
        byte[] free = {0, 0, 4, 0, 'f', 'r', 'e', 'e'};
        System.arraycopy(free, 0, file, 32, free.length);
        return file;
    }

    /** The start of a Linux executable (ELF header). */
    public static byte[] elf() {
        byte[] file = new byte[256];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, file, 0, header.length);
        return file;
    }

    /** The start of a Windows executable (MZ header with the DOS stub text). */
    public static byte[] exe() {
        byte[] file = new byte[512];
        file[0] = 'M';
        file[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, file, 0x4E, stub.length);
        file[0x3C] = (byte) 0x80;
        file[0x80] = 'P';
        file[0x81] = 'E';
        return file;
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(document.cookie)</script>"
                .concat("</body></html>\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] text() {
        return "Order 1234: the tractor's left tyre is flat.\nPlease advise.\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }
}

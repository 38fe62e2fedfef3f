package org.festivalledger;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium and ChromeDriver, started as the project's browser tests require; screenshots go to
 * {@code api/target/screenshots/} for people to look at.
 */
public final class HeadlessChromium {

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        assertThat(Path.of(BROWSER)).as("the browser tests need Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver; .ci/run installs them)").exists();
        assertThat(Path.of(DRIVER)).exists();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .build();
        return new ChromeDriver(service, options);
    }

    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Presses a button or link and waits for the next page to replace this one, so the next look is at it (Chromium
     * reports an element of a page being replaced either as stale or as "not in the document").
     */
    public static void press(ChromeDriver browser, String cssSelector) {
        org.openqa.selenium.WebElement pressed = browser.findElement(org.openqa.selenium.By.cssSelector(cssSelector));
        pressed.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(driver -> {
            try {
                pressed.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }
}

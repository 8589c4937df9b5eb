package io.hybridctl.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a file that must not exist yet: commands that create specs never overwrite a user's work. */
final class NewFile {

    private NewFile() {
    }

    static void write(Path file, String text, String whatToDo) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(2, file + " already exists; " + whatToDo);
        } catch (IOException e) {
            throw new UserError(2, "cannot write " + file + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}

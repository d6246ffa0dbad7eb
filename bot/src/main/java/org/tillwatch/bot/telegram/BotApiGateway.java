package org.tillwatch.bot.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.tillwatch.bot.text.Commands;
import org.tillwatch.bot.text.Keyboard;
import org.tillwatch.bot.text.Reply;

/** {@link TelegramGateway} over TelegramBots' OkHttp client, against any Bot API base URL. */
public final class BotApiGateway implements TelegramGateway {
    private final TelegramClient client;

    public BotApiGateway(String token, TelegramUrl url) {
        this.client = new OkHttpTelegramClient(token, url);
    }

    /** scheme://host[:port] as the library wants it. */
    public static TelegramUrl url(URI api) {
        int port = api.getPort() != -1 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }

    @Override
    public long send(long chat, Reply reply) throws TelegramFailure {
        SendMessage m = SendMessage.builder().chatId(chat).text(reply.html()).parseMode("HTML").disableWebPagePreview(true)
                .replyMarkup(reply.keyboard().empty() ? null : markup(reply.keyboard())).build();
        try {
            return client.execute(m).getMessageId();
        } catch (TelegramApiException e) {
            throw failure("sendMessage", e);
        }
    }

    @Override
    public void edit(long chat, long messageId, Reply reply) throws TelegramFailure {
        EditMessageText m = EditMessageText.builder().chatId(chat).messageId((int) messageId).text(reply.html()).parseMode("HTML")
                .replyMarkup(markup(reply.keyboard())).build();
        try {
            client.execute(m);
        } catch (TelegramApiException e) {
            TelegramFailure f = failure("editMessageText", e);
            if (f.code() == 400 && String.valueOf(e.getMessage()).contains("message is not modified")) return;
            throw f;
        }
    }

    @Override
    public void answerCallback(String callbackId, String text) throws TelegramFailure {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build());
        } catch (TelegramApiException e) {
            throw failure("answerCallbackQuery", e);
        }
    }

    @Override
    public void setCommands(List<Commands.Command> commands) throws TelegramFailure {
        List<BotCommand> en = new ArrayList<>();
        List<BotCommand> ru = new ArrayList<>();
        for (Commands.Command c : commands) {
            en.add(new BotCommand(c.name(), shorten(c.en())));
            ru.add(new BotCommand(c.name(), shorten(c.ru())));
        }
        try {
            client.execute(SetMyCommands.builder().commands(en).build());
            client.execute(SetMyCommands.builder().commands(ru).languageCode("ru").build());
        } catch (TelegramApiException e) {
            throw failure("setMyCommands", e);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 256 ? s : s.substring(0, 255) + "…";
    }

    private static InlineKeyboardMarkup markup(Keyboard k) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Keyboard.Button> row : k.rows()) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Keyboard.Button b : row) r.add(InlineKeyboardButton.builder().text(b.text()).callbackData(b.data()).build());
            rows.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    static TelegramFailure failure(String method, TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
            int code = r.getErrorCode();
            long retry = r.getParameters() != null && r.getParameters().getRetryAfter() != null ? r.getParameters().getRetryAfter() * 1000L : 0;
            boolean permanent = code >= 400 && code < 500 && code != 429;
            return new TelegramFailure(method + ": " + code + " " + r.getApiResponse(), permanent, code, retry, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return new TelegramFailure(method + ": " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()), false, 0, 0, e);
    }
}

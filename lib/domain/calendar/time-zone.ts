// The bureau's time zone: Beijing time (UTC+8, no daylight saving time), for dates and times shown or counted.
export const BUREAU_TIME_ZONE = "Asia/Shanghai";

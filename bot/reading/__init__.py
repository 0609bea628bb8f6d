"""Reading a photo: decode it safely, ask Azure for a caption or the on-device model, read its
colours as the last fallback; `PhotoReader` turns bytes into one `PhotoReading`."""

from .reader import AzureQuota, CaptionSource, PhotoReader, PhotoReading

__all__ = ["AzureQuota", "CaptionSource", "PhotoReader", "PhotoReading"]
